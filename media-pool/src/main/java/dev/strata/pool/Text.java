package dev.strata.pool;

/**
 * Rules for the free-text attributes of the pool: stripped, bounded, no control characters. Public
 * so that every sub-package applies the same rule.
 */
public final class Text {
  private Text() {}

  /** A stripped, non-blank text of at most {@code maxLength} characters. */
  public static String required(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(field, field + " is required");
    }
    return optional(field, value, maxLength);
  }

  /** Like {@link #required}, but {@code null} or blank gives {@code null}. */
  public static String optional(String field, String value, int maxLength) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.length() > maxLength) {
      throw new InvalidValueException(
          field, field + " must be at most " + maxLength + " characters");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidValueException(field, field + " must not contain control characters");
    }
    return trimmed.isEmpty() ? null : trimmed;
  }
}
