package dev.strata.pool;

import java.util.regex.Pattern;

/**
 * The shape of operator-chosen identifiers: lower-case letters, digits and inner hyphens, at most
 * 63 characters, so that an id is also valid as a DNS label, a directory name and a bucket prefix.
 * Public so that the identifiers of the domain's sub-packages follow the same rule.
 */
public final class Slug {
  public static final String REGEX = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
  private static final Pattern PATTERN = Pattern.compile(REGEX);

  private Slug() {}

  /** Returns {@code value} when it is a slug, else names {@code field} in the error. */
  public static String require(String field, String value) {
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
