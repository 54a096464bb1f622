package dev.strata.pool.identity;

import dev.strata.pool.InvalidValueException;
import java.util.regex.Pattern;

/**
 * The unique name a principal logs in with and is addressed by: lower-case letters, digits and
 * {@code . _ @ -}, 1-63 characters, starting with a letter or digit ({@code admin}, {@code
 * alice@acme}, {@code laptop-7.acme}).
 */
public record PrincipalName(String value) {
  public static final String REGEX = "[a-z0-9][a-z0-9._@-]{0,62}";
  private static final Pattern PATTERN = Pattern.compile(REGEX);

  public PrincipalName {
    if (value == null || value.isEmpty()) {
      throw new InvalidValueException("name", "name is required");
    }
    if (!PATTERN.matcher(value).matches()) {
      throw new InvalidValueException(
          "name",
          "name must be 1-63 lower-case letters, digits or . _ @ -, starting with a letter or"
              + " digit (got '"
              + value
              + "')");
    }
  }

  public static PrincipalName of(String value) {
    return new PrincipalName(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
