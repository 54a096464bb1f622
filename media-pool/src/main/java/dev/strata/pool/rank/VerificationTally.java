package dev.strata.pool.rank;

import dev.strata.pool.InvalidValueException;

/**
 * The verification reads of copies held by one target over the ranking window: how many were read
 * back and how many of those found bad data (a hash or signature mismatch, a missing pack). The
 * catalog's verification results feed it, so a target that corrupts stored data ranks down even
 * when its small probe objects survive.
 */
public record VerificationTally(long checked, long failed) {
  public static final VerificationTally NONE = new VerificationTally(0, 0);

  public VerificationTally {
    if (checked < 0 || failed < 0 || failed > checked) {
      throw new InvalidValueException(
          "verifications", "0 <= failed <= checked (got " + failed + " of " + checked + ")");
    }
  }
}
