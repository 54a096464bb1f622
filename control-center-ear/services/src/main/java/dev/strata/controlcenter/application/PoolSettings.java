package dev.strata.controlcenter.application;

import dev.strata.pool.ProbeThresholds;
import java.time.Duration;

/** The operator's settings the pool's use cases follow. */
public interface PoolSettings {
  ProbeThresholds probeThresholds();

  /** How long probe results are kept. */
  Duration probeRetention();

  /** How often storage nodes send heartbeats; a node silent for three of these is late. */
  Duration nodeHeartbeatInterval();
}
