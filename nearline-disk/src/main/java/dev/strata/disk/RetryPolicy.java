package dev.strata.disk;

import java.time.Duration;

/**
 * How often and how patiently a transient fault is retried: exponential backoff from {@code
 * initialDelay}, doubled each attempt, capped at {@code maxDelay}, with "full jitter" (a random
 * pause between 0 and the computed delay) so that many clients do not retry in step.
 *
 * @param maxAttempts attempts in all, the first included (1 = no retry)
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("0 <= initialDelay <= maxDelay");
    }
  }

  /** The upper bound of the pause before attempt {@code attempt} (2, 3, ...). */
  Duration ceiling(int attempt) {
    Duration d = initialDelay;
    for (int i = 2; i < attempt && d.compareTo(maxDelay) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }
}
