package dev.strata.controlcenter.infrastructure.scheduling;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.ProbeRound;
import dev.strata.controlcenter.application.ProbeService;
import java.util.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** Scheduled probe of every target in the pool; all the work is in {@link ProbeService}. */
@DisallowConcurrentExecution
public class ProbeTargetsJob implements Job {
  private static final Logger LOG = Logger.getLogger(ProbeTargetsJob.class.getName());

  private final ProbeService probes;

  ProbeTargetsJob(ProbeService probes) {
    this.probes = probes;
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    try {
      ProbeRound round = probes.probeAll(Caller.SYSTEM);
      LOG.fine(() -> "probed " + round.probed() + " target(s): " + round.outcomes());
    } catch (RuntimeException e) {
      throw new JobExecutionException("probe round failed", e, false);
    }
  }
}
