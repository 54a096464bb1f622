package dev.strata.tape.probe;

import dev.strata.tape.Barcode;
import java.util.regex.Pattern;

/**
 * Which cartridges are set aside for probing: those whose volume tag starts with a prefix, {@code
 * PRB} unless configured otherwise — the way libraries already tell cleaning cartridges ({@code
 * CLN...}) from data cartridges by their labels. A probe cartridge holds nothing but probe blocks:
 * every probe rewrites it from the beginning, so it is never scratch for backups and never counted
 * in a library's capacity. A full barcode as the prefix names exactly one cartridge.
 */
public record ProbeCartridges(String prefix) {
  private static final Pattern SHAPE = Pattern.compile("[!-~]{1,32}");

  /** Cartridges labelled {@code PRB...}, e.g. {@code PRB000L9}. */
  public static final ProbeCartridges DEFAULT = new ProbeCartridges("PRB");

  public ProbeCartridges {
    if (prefix == null || !SHAPE.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "a probe cartridge prefix is 1-32 printable ASCII characters (got '" + prefix + "')");
    }
  }

  public boolean matches(Barcode barcode) {
    return barcode.value().startsWith(prefix);
  }
}
