package dev.strata.pool;

/**
 * Port through which the pool measures a target. Each device module provides one for the endpoint
 * scheme it drives.
 *
 * <p>Implementations must not throw for a device fault: a device that fails is reported as a
 * measurement ({@link ProbeMeasurement#unreachable} or {@code verified = false}). They may be
 * called from several threads for different targets, never concurrently for the same target.
 */
public interface TargetProber {

  /** Whether this prober drives the given target (normally: by endpoint scheme). */
  boolean supports(StorageTarget target);

  /** Measures the target: reachability, capacity, and a small durable write and read-back. */
  ProbeMeasurement probe(StorageTarget target);
}
