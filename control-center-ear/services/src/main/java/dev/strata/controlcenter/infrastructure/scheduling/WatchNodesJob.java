package dev.strata.controlcenter.infrastructure.scheduling;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.NodeService;
import java.util.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * Every heartbeat interval: the targets of nodes that stopped sending heartbeats are unreachable.
 */
@DisallowConcurrentExecution
public class WatchNodesJob implements Job {
  private static final Logger LOG = Logger.getLogger(WatchNodesJob.class.getName());

  private final NodeService nodes;

  WatchNodesJob(NodeService nodes) {
    this.nodes = nodes;
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    try {
      int n = nodes.markLateNodes(Caller.SYSTEM);
      if (n > 0) {
        LOG.fine(() -> n + " target(s) of late storage nodes recorded unreachable");
      }
    } catch (RuntimeException e) {
      throw new JobExecutionException("watching storage nodes failed", e, false);
    }
  }
}
