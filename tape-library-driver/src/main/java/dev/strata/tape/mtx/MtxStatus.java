package dev.strata.tape.mtx;

import dev.strata.tape.Barcode;
import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of {@code mtx status}, parsed. mtx numbers drives from 0 and storage elements
 * (including mail slots) from 1; in the tape SPI a drive {@code d} is element address {@code DRIVES
 * + d} and storage element {@code n} is {@code SLOTS + n}, so addresses are unique and map back to
 * mtx's numbers.
 *
 * @param elements every element in address order
 * @param loadedFrom for each full drive's address, the storage element it was loaded from, if the
 *     changer knows
 */
public record MtxStatus(List<Element> elements, Map<Integer, Integer> loadedFrom) {
  public static final int DRIVES = 100;
  public static final int SLOTS = 1000;

  private static final Pattern HEADER =
      Pattern.compile(
          "\\s*Storage Changer (\\S+):(\\d+) Drives?, (\\d+) Slots?(?: \\( (\\d+) Import/Export \\))?\\s*");
  private static final Pattern DRIVE =
      Pattern.compile(
          "Data Transfer Element (\\d+):(Empty|Full)"
              + "(?: \\((?:Storage Element (\\d+)|Unknown Storage Element) Loaded\\))?"
              + "(?::VolumeTag\\s*=\\s*(\\S*))?.*");
  private static final Pattern STORAGE =
      Pattern.compile(
          "\\s*Storage Element (\\d+)( IMPORT/EXPORT)?:(Empty|Full)\\s*(?::VolumeTag\\s*=\\s*(\\S*))?.*");

  /** Parses the output; a line it does not understand is an error naming the line. */
  public static MtxStatus parse(String output) throws MtxException {
    Map<Integer, Element> elements = new TreeMap<>();
    Map<Integer, Integer> loadedFrom = new TreeMap<>();
    elements.put(0, Element.empty(ElementType.MEDIUM_TRANSPORT, 0));
    int drives = -1;
    int slots = -1;
    int lineNo = 0;
    for (String line : output.split("\n")) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      Matcher m;
      if ((m = HEADER.matcher(line)).matches()) {
        drives = Integer.parseInt(m.group(2));
        slots = Integer.parseInt(m.group(3));
      } else if ((m = DRIVE.matcher(line)).matches()) {
        int address = DRIVES + Integer.parseInt(m.group(1));
        boolean full = m.group(2).equals("Full");
        elements.put(address, element(ElementType.DATA_TRANSFER, address, full, m.group(4)));
        if (full && m.group(3) != null) {
          loadedFrom.put(address, SLOTS + Integer.parseInt(m.group(3)));
        }
      } else if ((m = STORAGE.matcher(line)).matches()) {
        int address = SLOTS + Integer.parseInt(m.group(1));
        ElementType type = m.group(2) != null ? ElementType.IMPORT_EXPORT : ElementType.STORAGE;
        elements.put(address, element(type, address, m.group(3).equals("Full"), m.group(4)));
      } else {
        throw new MtxException("mtx status, line " + lineNo + ": not understood: '" + line + "'");
      }
    }
    if (drives < 0) {
      throw new MtxException("mtx status: no 'Storage Changer' header");
    }
    long seenDrives =
        elements.values().stream().filter(e -> e.type() == ElementType.DATA_TRANSFER).count();
    long seenSlots =
        elements.values().stream()
            .filter(e -> e.type() == ElementType.STORAGE || e.type() == ElementType.IMPORT_EXPORT)
            .count();
    if (seenDrives != drives || seenSlots != slots) {
      throw new MtxException(
          "mtx status announces "
              + drives
              + " drives and "
              + slots
              + " slots but lists "
              + seenDrives
              + " and "
              + seenSlots);
    }
    return new MtxStatus(new ArrayList<>(elements.values()), loadedFrom);
  }

  private static Element element(ElementType type, int address, boolean full, String tag) {
    Optional<Barcode> barcode =
        tag == null || tag.isEmpty() ? Optional.empty() : Optional.of(Barcode.of(tag));
    return new Element(type, address, barcode, full);
  }

  public Optional<Element> element(int address) {
    return elements.stream().filter(e -> e.address() == address).findFirst();
  }
}
