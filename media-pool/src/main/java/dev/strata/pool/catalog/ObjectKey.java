package dev.strata.pool.catalog;

import dev.strata.pool.InvalidValueException;
import java.util.regex.Pattern;

/**
 * Where an object sits inside a disk or object-store target: 1-255 characters of letters, digits
 * and {@code . _ -} in segments separated by {@code /}, none empty, {@code .} or {@code ..} — the
 * pack stores' own naming rule, so a key can never leave the target's root.
 */
public record ObjectKey(String value) implements Comparable<ObjectKey> {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

  public ObjectKey {
    if (value == null || value.isEmpty() || value.length() > 255) {
      throw new InvalidValueException("objectKey", "an object key is 1-255 characters");
    }
    for (String segment : value.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
        throw new InvalidValueException(
            "objectKey", "object key '" + value + "' has an invalid segment '" + segment + "'");
      }
    }
  }

  public static ObjectKey of(String value) {
    return new ObjectKey(value);
  }

  @Override
  public int compareTo(ObjectKey o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
