package dev.strata.tape.mtx;

import dev.strata.tape.Barcode;
import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import java.util.List;

/**
 * Prints an inventory the way {@code mtx status} does, so operators read any library — virtual or
 * real — in the format they know, and the output parses back with {@link MtxStatus}. Drives are
 * numbered from 0 in address order, storage slots from 1 followed by the mail slots.
 */
public final class MtxStatusFormat {
  private MtxStatusFormat() {}

  public static String format(String changer, List<Element> inventory) {
    List<Element> drives = of(inventory, ElementType.DATA_TRANSFER);
    List<Element> slots = of(inventory, ElementType.STORAGE);
    List<Element> mail = of(inventory, ElementType.IMPORT_EXPORT);
    StringBuilder sb = new StringBuilder();
    sb.append("  Storage Changer ")
        .append(changer)
        .append(':')
        .append(drives.size())
        .append(" Drives, ")
        .append(slots.size() + mail.size())
        .append(" Slots ( ")
        .append(mail.size())
        .append(" Import/Export )\n");
    for (int i = 0; i < drives.size(); i++) {
      Element d = drives.get(i);
      sb.append("Data Transfer Element ").append(i).append(':');
      if (d.full()) {
        sb.append("Full (Unknown Storage Element Loaded)").append(tag(d, " = "));
      } else {
        sb.append("Empty");
      }
      sb.append('\n');
    }
    int n = 1;
    for (List<Element> group : List.of(slots, mail)) {
      for (Element e : group) {
        sb.append("      Storage Element ").append(n++);
        if (e.type() == ElementType.IMPORT_EXPORT) {
          sb.append(" IMPORT/EXPORT");
        }
        sb.append(e.full() ? ":Full " + tag(e, "=") : ":Empty").append('\n');
      }
    }
    return sb.toString();
  }

  private static String tag(Element e, String separator) {
    return e.cartridge().map(Barcode::value).map(v -> ":VolumeTag" + separator + v).orElse("");
  }

  private static List<Element> of(List<Element> inventory, ElementType type) {
    return inventory.stream().filter(e -> e.type() == type).toList();
  }
}
