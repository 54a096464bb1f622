package dev.strata.controlcenter.application;

import dev.strata.pool.ProbeThresholds;
import java.time.Duration;

/** The operator's settings the pool's use cases follow. */
public interface PoolSettings {
  ProbeThresholds probeThresholds();

  /** How long probe results are kept. */
  Duration probeRetention();
}
