package dev.strata.pool.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a copy that was read back before is due again. Time is cut into periods of the policy's
 * verification interval; in each period a copy whose last read-back is older than one interval is
 * due when it falls into that period's sample. The sample is a fixed share of copies (the policy's
 * depth in percent) chosen afresh each period by mixing the copy's id with the period's number, so
 * over a few periods every copy is read, and a run that restarts picks the same copies.
 */
public final class VerificationSchedule {
  private VerificationSchedule() {}

  /**
   * Whether the copy {@code copyId}, last verified at {@code lastVerified} (empty: never), is due
   * at {@code now} under {@code interval} and {@code percent} (1..100).
   */
  public static boolean due(
      long copyId, Optional<Instant> lastVerified, Duration interval, int percent, Instant now) {
    if (lastVerified.isEmpty()) {
      return true;
    }
    if (!lastVerified.get().plus(interval).isBefore(now)) {
      return false;
    }
    if (percent >= 100) {
      return true;
    }
    long period = Math.floorDiv(now.getEpochSecond(), Math.max(1, interval.toSeconds()));
    return Math.floorMod(mix(copyId * 0x9E3779B97F4A7C15L + period), 100) < percent;
  }

  /** SplitMix64's finaliser: neighbouring inputs give unrelated outputs. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
