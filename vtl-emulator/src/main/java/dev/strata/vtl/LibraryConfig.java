package dev.strata.vtl;

import dev.strata.tape.Barcode;
import dev.strata.tape.CartridgeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The shape of a virtual library, as kept in its {@value #FILE_NAME}.
 *
 * @param name the library's name (shown in its inventory)
 * @param drives number of tape drives (1-64)
 * @param slots number of storage slots (1-10000)
 * @param importExportSlots number of mail slots (0-64)
 * @param cartridgeType type of the data cartridges
 * @param dataCartridges data cartridges placed in the first storage slots
 * @param cleaningCartridges cleaning cartridges placed after them
 * @param barcodePrefix three upper-case letters or digits that start every data barcode
 * @param capacityScale factor applied to the native capacity of every cartridge (0 < f <= 1), so
 *     that an emulated library fits on the disk under it and tests stay small
 * @param probeCartridges cartridges set aside for probing, labelled {@code PRB000}... with the data
 *     cartridges' media identifier and placed after the cleaning cartridges (optional in the file:
 *     a library written before they existed has none)
 */
public record LibraryConfig(
    String name,
    int drives,
    int slots,
    int importExportSlots,
    CartridgeType cartridgeType,
    int dataCartridges,
    int cleaningCartridges,
    String barcodePrefix,
    double capacityScale,
    int probeCartridges) {

  public static final String FILE_NAME = "library.properties";
  public static final int FORMAT = 1;
  private static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{3}");
  private static final Set<String> KEYS =
      Set.of(
          "format",
          "name",
          "drives",
          "slots",
          "importExportSlots",
          "cartridgeType",
          "dataCartridges",
          "cleaningCartridges",
          "barcodePrefix",
          "capacityScale",
          "probeCartridges");

  /** The label prefix of probe cartridges, as the tape probe looks for them by default. */
  public static final String PROBE_PREFIX = "PRB";

  public LibraryConfig {
    require(name != null && !name.isBlank() && name.length() <= 64, "name", "1-64 characters");
    require(drives >= 1 && drives <= 64, "drives", "1-64");
    require(slots >= 1 && slots <= 10_000, "slots", "1-10000");
    require(importExportSlots >= 0 && importExportSlots <= 64, "importExportSlots", "0-64");
    require(
        cartridgeType != null && cartridgeType.holdsData(),
        "cartridgeType",
        "a data cartridge type");
    require(dataCartridges >= 0 && dataCartridges <= 1000, "dataCartridges", "0-1000");
    require(cleaningCartridges >= 0 && cleaningCartridges <= 100, "cleaningCartridges", "0-100");
    require(probeCartridges >= 0 && probeCartridges <= 10, "probeCartridges", "0-10");
    require(
        dataCartridges + cleaningCartridges + probeCartridges <= slots,
        "dataCartridges",
        "at most as many cartridges as slots (" + slots + ")");
    require(
        barcodePrefix != null && PREFIX.matcher(barcodePrefix).matches(),
        "barcodePrefix",
        "three upper-case letters or digits");
    require(
        !PROBE_PREFIX.equals(barcodePrefix) && !"CLN".equals(barcodePrefix),
        "barcodePrefix",
        "other than " + PROBE_PREFIX + " (probe cartridges) and CLN (cleaning cartridges)");
    require(
        capacityScale > 0 && capacityScale <= 1, "capacityScale", "greater than 0 and at most 1");
  }

  private static void require(boolean ok, String key, String rule) {
    if (!ok) {
      throw new IllegalArgumentException(key + " must be " + rule);
    }
  }

  /** A library without probe cartridges (as every library was before they existed). */
  public LibraryConfig(
      String name,
      int drives,
      int slots,
      int importExportSlots,
      CartridgeType cartridgeType,
      int dataCartridges,
      int cleaningCartridges,
      String barcodePrefix,
      double capacityScale) {
    this(
        name,
        drives,
        slots,
        importExportSlots,
        cartridgeType,
        dataCartridges,
        cleaningCartridges,
        barcodePrefix,
        capacityScale,
        0);
  }

  /**
   * The library the embedded default provisions: two LTO-9 drives, 24 slots, 4 mail slots, 20 data
   * cartridges, one cleaning cartridge and one probe cartridge ({@code PRB000L9}, for the control
   * center's data-path probe), each cartridge scaled to 1/10000 of its native 18 TB (1.8 GB), so
   * the whole library fits on an ordinary disk.
   */
  public static LibraryConfig embeddedDefault(String name) {
    return new LibraryConfig(name, 2, 24, 4, CartridgeType.LTO9, 20, 1, "STR", 0.0001, 1);
  }

  /** Capacity of one data cartridge in this library. */
  public long cartridgeCapacityBytes() {
    return (long) (cartridgeType.nativeCapacityBytes() * capacityScale);
  }

  /** Barcodes of the data, then the cleaning, then the probe cartridges, in slot order. */
  public List<Barcode> barcodes() {
    List<Barcode> out = new ArrayList<>(dataCartridges + cleaningCartridges + probeCartridges);
    for (int i = 0; i < dataCartridges; i++) {
      out.add(
          Barcode.of(
              String.format(Locale.ROOT, "%s%03d%s", barcodePrefix, i, cartridgeType.mediaId())));
    }
    for (int i = 0; i < cleaningCartridges; i++) {
      out.add(
          Barcode.of(String.format(Locale.ROOT, "CLN%03d%s", i, CartridgeType.CLEANING.mediaId())));
    }
    for (int i = 0; i < probeCartridges; i++) {
      out.add(
          Barcode.of(
              String.format(Locale.ROOT, "%s%03d%s", PROBE_PREFIX, i, cartridgeType.mediaId())));
    }
    return out;
  }

  Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("format", Integer.toString(FORMAT));
    p.setProperty("name", name);
    p.setProperty("drives", Integer.toString(drives));
    p.setProperty("slots", Integer.toString(slots));
    p.setProperty("importExportSlots", Integer.toString(importExportSlots));
    p.setProperty("cartridgeType", cartridgeType.name());
    p.setProperty("dataCartridges", Integer.toString(dataCartridges));
    p.setProperty("cleaningCartridges", Integer.toString(cleaningCartridges));
    p.setProperty("barcodePrefix", barcodePrefix);
    p.setProperty("capacityScale", Double.toString(capacityScale));
    if (probeCartridges > 0) {
      // Written only when there are some, so that a library without them stays readable by builds
      // from before the key existed.
      p.setProperty("probeCartridges", Integer.toString(probeCartridges));
    }
    return p;
  }

  /** Reads a configuration; every problem names the key at fault. */
  static LibraryConfig fromProperties(Properties p, String source) throws LibraryConfigException {
    Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new LibraryConfigException(source + ": unknown keys " + unknown);
    }
    int format = integer(p, "format", source);
    if (format != FORMAT) {
      throw new LibraryConfigException(
          source + ": format " + format + " is not supported (this build reads " + FORMAT + ")");
    }
    String type = text(p, "cartridgeType", source);
    CartridgeType cartridgeType;
    try {
      cartridgeType = CartridgeType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw new LibraryConfigException(source + ": cartridgeType '" + type + "' is unknown");
    }
    double scale;
    try {
      scale = Double.parseDouble(text(p, "capacityScale", source));
    } catch (NumberFormatException e) {
      throw new LibraryConfigException(source + ": capacityScale must be a number");
    }
    try {
      return new LibraryConfig(
          text(p, "name", source),
          integer(p, "drives", source),
          integer(p, "slots", source),
          integer(p, "importExportSlots", source),
          cartridgeType,
          integer(p, "dataCartridges", source),
          integer(p, "cleaningCartridges", source),
          text(p, "barcodePrefix", source),
          scale,
          p.getProperty("probeCartridges") == null ? 0 : integer(p, "probeCartridges", source));
    } catch (IllegalArgumentException e) {
      throw new LibraryConfigException(source + ": " + e.getMessage());
    }
  }

  private static String text(Properties p, String key, String source)
      throws LibraryConfigException {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new LibraryConfigException(source + ": " + key + " is missing");
    }
    return v.strip();
  }

  private static int integer(Properties p, String key, String source)
      throws LibraryConfigException {
    String v = text(p, key, source);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new LibraryConfigException(
          source + ": " + key + " must be an integer (got '" + v + "')");
    }
  }
}
