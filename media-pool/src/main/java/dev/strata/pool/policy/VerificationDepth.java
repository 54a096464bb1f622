package dev.strata.pool.policy;

import dev.strata.pool.InvalidValueException;

/**
 * How much of a copy one verification run reads back: a sampled share of its packs, in whole
 * percent, or all of it (100). Sampling finds a failing medium early at a fraction of the reads; a
 * full read proves every byte.
 *
 * @param percent 1..100 of the copy's packs; 100 means all data
 */
public record VerificationDepth(int percent) {
  public static final VerificationDepth ALL = new VerificationDepth(100);

  public VerificationDepth {
    if (percent < 1 || percent > 100) {
      throw new InvalidValueException(
          "verificationPercent",
          "verification reads 1 to 100 percent of a copy (got " + percent + ")");
    }
  }

  public static VerificationDepth sampled(int percent) {
    return new VerificationDepth(percent);
  }

  public boolean isAll() {
    return percent == 100;
  }

  @Override
  public String toString() {
    return isAll() ? "all" : percent + "%";
  }
}
