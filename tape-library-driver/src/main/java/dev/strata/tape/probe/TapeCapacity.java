package dev.strata.tape.probe;

import dev.strata.tape.Barcode;
import dev.strata.tape.CartridgeType;
import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import dev.strata.tape.TapeException;
import dev.strata.tape.TapeLibrary;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A library's capacity as its inventory tells it: the data cartridges it holds by type, what they
 * hold in all ({@link TapeLibrary#capacityOf}) and what is estimated free — the capacity of the
 * scratch cartridges, those not known to hold data. Without a media catalog every data cartridge
 * counts as scratch; a caller that knows better names the written ones. Cartridges in mail slots
 * (entering or leaving), cleaning and probe cartridges are not counted; cartridges whose label
 * names no known type cannot be estimated and are counted apart.
 *
 * @param byType data cartridges in the library, by type
 * @param scratch data cartridges counted as scratch
 * @param totalBytes capacity of all data cartridges of a known type
 * @param freeBytes estimated free: capacity of the scratch cartridges of a known type
 * @param unknownType cartridges without a barcode, or whose barcode names no type
 * @param cleaning cleaning cartridges
 */
public record TapeCapacity(
    Map<CartridgeType, Integer> byType,
    int scratch,
    long totalBytes,
    long freeBytes,
    int unknownType,
    int cleaning) {

  public TapeCapacity {
    byType = Collections.unmodifiableMap(new EnumMap<>(byType));
  }

  /**
   * Reads the capacity off {@code inventory}; {@code written} are cartridges known to hold data.
   */
  public static TapeCapacity of(
      java.util.List<Element> inventory,
      TapeLibrary library,
      ProbeCartridges probe,
      Set<Barcode> written)
      throws TapeException {
    Map<CartridgeType, Integer> byType = new EnumMap<>(CartridgeType.class);
    Map<CartridgeType, Long> each = new EnumMap<>(CartridgeType.class);
    int scratch = 0;
    int unknown = 0;
    int cleaning = 0;
    long total = 0;
    long free = 0;
    for (Element e : inventory) {
      if (!e.full() || e.type() == ElementType.IMPORT_EXPORT) {
        continue;
      }
      Optional<Barcode> b = e.cartridge();
      if (b.isPresent() && probe.matches(b.get())) {
        continue;
      }
      Optional<CartridgeType> type = b.flatMap(Barcode::cartridgeType);
      if (type.isEmpty()) {
        unknown++;
        continue;
      }
      if (type.get().isCleaning()) {
        cleaning++;
        continue;
      }
      CartridgeType t = type.get();
      Long bytes = each.get(t);
      if (bytes == null) {
        bytes = library.capacityOf(t);
        each.put(t, bytes);
      }
      byType.merge(t, 1, Integer::sum);
      total += bytes;
      if (!written.contains(b.get())) {
        scratch++;
        free += bytes;
      }
    }
    return new TapeCapacity(byType, scratch, total, free, unknown, cleaning);
  }

  /** E.g. {@code 20 data cartridges (LTO9 x20 1.8 GB each), 20 scratch, ~36.0 GB free}. */
  public String describe() {
    int data = byType.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder sb = new StringBuilder().append(data).append(" data cartridge(s)");
    if (!byType.isEmpty()) {
      sb.append(" (");
      String sep = "";
      for (Map.Entry<CartridgeType, Integer> e : byType.entrySet()) {
        sb.append(sep).append(e.getKey()).append(" x").append(e.getValue());
        sep = ", ";
      }
      sb.append(')');
    }
    sb.append(", ")
        .append(scratch)
        .append(" scratch, ~")
        .append(bytes(freeBytes))
        .append(" free of ")
        .append(bytes(totalBytes));
    if (unknownType > 0) {
      sb.append(", ").append(unknownType).append(" of unknown type");
    }
    return sb.toString();
  }

  static String bytes(long n) {
    if (n < 1000) {
      return n + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB"};
    double v = n / 1e3;
    int u = 0;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
