package dev.strata.pool.jobs;

import dev.strata.pool.InvalidValueException;
import java.util.regex.Pattern;

/** A job run's id: 32 lower-case hex digits, the first 12 its creation time in milliseconds. */
public record JobRunId(String hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{32}");

  public JobRunId {
    if (hex == null || !HEX.matcher(hex).matches()) {
      throw new InvalidValueException("run", "a job run's id is 32 lower-case hex digits");
    }
  }

  public static JobRunId of(String hex) {
    return new JobRunId(hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
