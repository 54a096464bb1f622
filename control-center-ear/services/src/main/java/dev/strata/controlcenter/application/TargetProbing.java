package dev.strata.controlcenter.application;

import dev.strata.pool.ProbeMeasurement;
import dev.strata.pool.StorageTarget;
import java.util.Optional;

/** Measures targets through the drivers this control center has. */
public interface TargetProbing {

  /** The measurement, or empty when no driver of this build can reach the target. */
  Optional<ProbeMeasurement> probe(StorageTarget target);
}
