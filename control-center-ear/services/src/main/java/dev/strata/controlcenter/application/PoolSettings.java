package dev.strata.controlcenter.application;

import dev.strata.pool.NodeName;
import dev.strata.pool.ProbeThresholds;
import java.time.Duration;
import java.util.Optional;

/** The operator's settings the pool's use cases follow. */
public interface PoolSettings {
  ProbeThresholds probeThresholds();

  /** How long probe results are kept. */
  Duration probeRetention();

  /** How often storage nodes send heartbeats; a node silent for three of these is late. */
  Duration nodeHeartbeatInterval();

  /**
   * The storage node the embedded default runs beside the center (the launcher's child process,
   * data center {@code local}), if any: the targets it reports are the local data center's VTL and
   * disk, in service from their first report as the embedded ones always were.
   */
  default Optional<NodeName> embeddedNode() {
    return Optional.empty();
  }
}
