package dev.strata.controlcenter.infrastructure.scheduling;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.JobScheduler;
import java.util.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * Every few seconds: queues runs of backup jobs that came due and records unclaimed ones as missed
 * (one scanning job instead of a trigger per backup job: docs/decisions/0038).
 */
@DisallowConcurrentExecution
public class RunBackupJobsJob implements Job {
  private static final Logger LOG = Logger.getLogger(RunBackupJobsJob.class.getName());

  private final JobScheduler scheduler;

  RunBackupJobsJob(JobScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    try {
      JobScheduler.Round r = scheduler.tick(Caller.SYSTEM);
      if (r.queued() > 0 || r.missed() > 0) {
        LOG.info(() -> "backup jobs: " + r.queued() + " run(s) queued, " + r.missed() + " missed");
      }
    } catch (RuntimeException e) {
      throw new JobExecutionException("scheduling backup jobs failed", e, false);
    }
  }
}
