package dev.strata.pool.rank;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a target's probe history and verifications measured over the window, before any scoring: the
 * figures a policy's service floor is checked against and a restore time is estimated from. Each is
 * empty when the window holds nothing to measure it by.
 *
 * @param probes usable probes in the window (NO_DRIVER results excluded)
 */
public record ServiceFigures(
    int probes,
    OptionalDouble availability,
    OptionalLong writeBytesPerSecond,
    OptionalLong readBytesPerSecond,
    OptionalLong latencyMicros,
    OptionalDouble errorRate,
    OptionalLong freeBytes,
    OptionalLong totalBytes) {

  /** Nothing measured. */
  public static final ServiceFigures NONE =
      new ServiceFigures(
          0,
          OptionalDouble.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalDouble.empty(),
          OptionalLong.empty(),
          OptionalLong.empty());

  /** Free share of the capacity, when both are known. */
  public OptionalDouble freeRatio() {
    if (freeBytes.isEmpty() || totalBytes.isEmpty()) {
      return OptionalDouble.empty();
    }
    long total = totalBytes.getAsLong();
    return OptionalDouble.of(total <= 0 ? 0 : Math.min(1, (double) freeBytes.getAsLong() / total));
  }
}
