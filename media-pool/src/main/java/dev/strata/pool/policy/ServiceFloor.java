package dev.strata.pool.policy;

import dev.strata.pool.InvalidValueException;

/**
 * The least service a target must have delivered, as measured by its probes and verifications over
 * the ranking window, to receive a copy under a policy. A zero (or, for the error rate, one) asks
 * nothing.
 *
 * @param minAvailability share of probes that found the target serving, 0..1
 * @param minWriteBytesPerSecond measured write throughput, bytes per second
 * @param minReadBytesPerSecond measured read throughput, bytes per second
 * @param maxErrorRate share of data-path probes and verifications that found bad data, 0..1
 */
public record ServiceFloor(
    double minAvailability,
    long minWriteBytesPerSecond,
    long minReadBytesPerSecond,
    double maxErrorRate) {

  /** A floor that every measured target meets. */
  public static final ServiceFloor NONE = new ServiceFloor(0, 0, 0, 1);

  public ServiceFloor {
    if (!(minAvailability >= 0 && minAvailability <= 1)) {
      throw new InvalidValueException("floor.minAvailability", "minAvailability is within 0..1");
    }
    if (minWriteBytesPerSecond < 0) {
      throw new InvalidValueException(
          "floor.minWriteBytesPerSecond", "minWriteBytesPerSecond is not negative");
    }
    if (minReadBytesPerSecond < 0) {
      throw new InvalidValueException(
          "floor.minReadBytesPerSecond", "minReadBytesPerSecond is not negative");
    }
    if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
      throw new InvalidValueException("floor.maxErrorRate", "maxErrorRate is within 0..1");
    }
  }
}
