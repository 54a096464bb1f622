package dev.strata.pool;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * What a driver measured when it probed a target. A driver fills in what its device can tell; the
 * pool's rules ({@link ProbeResult#assess}) turn it into an outcome.
 *
 * @param reachable the device answered at all
 * @param totalBytes capacity the device reports, or -1 when it cannot tell
 * @param freeBytes free capacity the device reports, or -1 when it cannot tell
 * @param probeBytes size of the probe object written and read back, 0 when none was
 * @param write time to write the probe object durably, {@code null} when none was written
 * @param read time to read it back, {@code null} when none was read
 * @param verified the bytes read back equal the bytes written (false when nothing was read)
 * @param detail a short human-readable explanation, never {@code null}
 */
public record ProbeMeasurement(
    boolean reachable,
    long totalBytes,
    long freeBytes,
    long probeBytes,
    Duration write,
    Duration read,
    boolean verified,
    String detail) {

  public ProbeMeasurement {
    detail = detail == null ? "" : detail;
    if (probeBytes < 0) {
      throw new IllegalArgumentException("probeBytes < 0");
    }
  }

  /** The device could not be reached; {@code why} says what failed. */
  public static ProbeMeasurement unreachable(String why) {
    return new ProbeMeasurement(false, -1, -1, 0, null, null, false, why);
  }

  public OptionalLong total() {
    return totalBytes < 0 ? OptionalLong.empty() : OptionalLong.of(totalBytes);
  }

  public OptionalLong free() {
    return freeBytes < 0 ? OptionalLong.empty() : OptionalLong.of(freeBytes);
  }
}
