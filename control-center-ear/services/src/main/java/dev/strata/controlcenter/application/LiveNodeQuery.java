package dev.strata.controlcenter.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Reads {@link LiveNodes} from the catalog. */
@ApplicationScoped
public class LiveNodeQuery {
  @Inject NodeRepository nodes;
  @Inject TargetRepository targets;
  @Inject PoolSettings settings;

  public LiveNodes at(Instant now) {
    return LiveNodes.of(
        nodes.all(), targets.all(TargetQuery.ALL), settings.nodeHeartbeatInterval(), now);
  }
}
