package dev.strata.pool;

import java.util.regex.Pattern;

/**
 * The shape of operator-chosen identifiers: lower-case letters, digits and inner hyphens, at most
 * 63 characters, so that an id is also valid as a DNS label, a directory name and a bucket prefix.
 */
final class Slug {
  static final String REGEX = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
  private static final Pattern PATTERN = Pattern.compile(REGEX);

  private Slug() {}

  static String require(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidValueException(field, field + " is required");
    }
    if (!PATTERN.matcher(value).matches()) {
      throw new InvalidValueException(
          field,
          field
              + " must be 1-63 lower-case letters, digits or inner hyphens (got '"
              + value
              + "')");
    }
    return value;
  }
}
