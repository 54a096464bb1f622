package dev.strata.controlcenter.infrastructure.scheduling;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.ProbeService;
import java.util.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** Hourly: deletes probe results older than the retention, so the history stays bounded. */
@DisallowConcurrentExecution
public class PruneProbesJob implements Job {
  private static final Logger LOG = Logger.getLogger(PruneProbesJob.class.getName());

  private final ProbeService probes;

  PruneProbesJob(ProbeService probes) {
    this.probes = probes;
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    try {
      int n = probes.forgetOldProbes(Caller.SYSTEM);
      LOG.fine(() -> "deleted " + n + " probe result(s) past their retention");
    } catch (RuntimeException e) {
      throw new JobExecutionException("pruning probe results failed", e, false);
    }
  }
}
