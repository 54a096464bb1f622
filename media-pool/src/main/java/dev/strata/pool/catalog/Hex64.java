package dev.strata.pool.catalog;

import dev.strata.pool.InvalidValueException;
import java.util.regex.Pattern;

/** The shape shared by SHA-256 names and Ed25519 keys: 64 lower-case hex digits. */
final class Hex64 {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  private Hex64() {}

  static String require(String field, String value, String what) {
    if (value == null || !HEX.matcher(value).matches()) {
      throw new InvalidValueException(
          field, what + " is 64 lower-case hex digits (got '" + value + "')");
    }
    return value;
  }
}
