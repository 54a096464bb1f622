package dev.strata.controlcenter.infrastructure.scheduling;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.ReplicationService;
import java.util.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** The policies' copies and read-backs, made and checked by the storage nodes on schedule. */
@DisallowConcurrentExecution
public class ReplicateJob implements Job {
  private static final Logger LOG = Logger.getLogger(ReplicateJob.class.getName());

  private final ReplicationService replication;

  ReplicateJob(ReplicationService replication) {
    this.replication = replication;
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    try {
      var done = replication.replicate(Caller.SYSTEM);
      if (!done.isEmpty()) {
        LOG.fine(() -> "replication: " + done);
      }
    } catch (RuntimeException e) {
      throw new JobExecutionException("replication failed", e, false);
    }
  }
}
