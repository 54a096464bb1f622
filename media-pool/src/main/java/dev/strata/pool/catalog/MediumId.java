package dev.strata.pool.catalog;

import dev.strata.pool.InvalidValueException;
import java.util.regex.Pattern;

/**
 * Identity of a medium: a cartridge's barcode (its volume tag, 1-32 printable ASCII characters as
 * the library's reader reports it) or the name of a disk or object volume. Printable ASCII without
 * spaces, at most 64 characters, so both fit; the tape driver's own {@code Barcode} converts to it
 * by its string value.
 */
public record MediumId(String value) implements Comparable<MediumId> {
  private static final Pattern SHAPE = Pattern.compile("[!-~]{1,64}");

  public MediumId {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new InvalidValueException(
          "medium",
          "a medium id is 1-64 printable ASCII characters without spaces (got '" + value + "')");
    }
  }

  public static MediumId of(String value) {
    return new MediumId(value);
  }

  @Override
  public int compareTo(MediumId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
