package dev.strata.pool.restore;

import dev.strata.pool.InvalidValueException;
import java.util.regex.Pattern;

/** A restore's id: 32 random hex digits. */
public record RestoreId(String hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{32}");

  public RestoreId {
    if (hex == null || !HEX.matcher(hex).matches()) {
      throw new InvalidValueException("restore", "a restore id is 32 lower-case hex digits");
    }
  }

  public static RestoreId of(String hex) {
    return new RestoreId(hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
