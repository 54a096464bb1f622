package dev.strata.controlcenter.infrastructure.scheduling;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.RestorePreparation;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** Restores that need tape get their packs recalled by the storage nodes. */
@DisallowConcurrentExecution
public class PrepareRestoresJob implements Job {
  private final RestorePreparation preparation;

  PrepareRestoresJob(RestorePreparation preparation) {
    this.preparation = preparation;
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    try {
      preparation.prepare(Caller.SYSTEM);
    } catch (RuntimeException e) {
      throw new JobExecutionException("preparing restores failed", e, false);
    }
  }
}
