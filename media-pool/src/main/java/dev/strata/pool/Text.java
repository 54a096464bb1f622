package dev.strata.pool;

/** Rules for the free-text attributes of the pool. */
public final class Text {
  private Text() {}

  public static String required(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(field, field + " is required");
    }
    return optional(field, value, maxLength);
  }

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
