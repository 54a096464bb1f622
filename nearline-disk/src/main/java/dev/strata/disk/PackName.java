package dev.strata.disk;

import java.util.regex.Pattern;

/**
 * The name of a pack in a store: 1-255 characters of letters, digits, {@code . _ -} in segments
 * separated by {@code /}; no empty, {@code .} or {@code ..} segments, so a name can never leave the
 * store's root, and every backend (file systems, S3 keys) can hold it as it is.
 */
public record PackName(String value) implements Comparable<PackName> {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

  public PackName {
    if (value == null || value.isEmpty() || value.length() > 255) {
      throw new IllegalArgumentException("a pack name is 1-255 characters");
    }
    for (String segment : value.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(
            "pack name '" + value + "' has an invalid segment '" + segment + "'");
      }
    }
  }

  public static PackName of(String value) {
    return new PackName(value);
  }

  @Override
  public int compareTo(PackName o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
