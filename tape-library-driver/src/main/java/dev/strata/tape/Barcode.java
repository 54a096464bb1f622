package dev.strata.tape;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cartridge's volume tag as a library's barcode reader reports it: 1 to 32 printable ASCII
 * characters without spaces (the SCSI primary volume tag field is 32 bytes). An LTO label — six
 * characters of volume serial and a two-character media identifier such as {@code L9} — is
 * recognised, so {@link #volumeSerial()} and {@link #cartridgeType()} can be read off it.
 */
public record Barcode(String value) {
  private static final Pattern SHAPE = Pattern.compile("[!-~]{1,32}");
  private static final Pattern LTO = Pattern.compile("([A-Z0-9]{6})(L[1-9A-Z]|CU)");

  public Barcode {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a barcode is 1-32 printable ASCII characters without spaces (got '" + value + "')");
    }
  }

  public static Barcode of(String value) {
    return new Barcode(value);
  }

  /** The six-character volume serial of an LTO label, or the whole tag otherwise. */
  public String volumeSerial() {
    Matcher m = LTO.matcher(value);
    return m.matches() ? m.group(1) : value;
  }

  /** The cartridge type the LTO media identifier names, if the tag is an LTO label. */
  public Optional<CartridgeType> cartridgeType() {
    Matcher m = LTO.matcher(value);
    return m.matches() ? CartridgeType.byMediaId(m.group(2)) : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
