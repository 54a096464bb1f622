package dev.strata.vtl.scsi;

import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import dev.strata.tape.TapeException;
import dev.strata.vtl.VirtualTapeLibrary;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A VTL's changer as a SCSI medium changer (SMC-3), so {@code mtx} and any backup program that
 * drives changers through SCSI generic can use it: element address assignment, transport geometry
 * and device capabilities mode pages, READ ELEMENT STATUS with primary volume tags, MOVE MEDIUM and
 * INITIALIZE ELEMENT STATUS. Element addresses are the library's own. The source element of each
 * cartridge (where it was before its last move) is reported while the process runs.
 */
public final class ChangerUnit implements LogicalUnit {
  private final VirtualTapeLibrary library;
  private final String serial;
  private final Map<Integer, Integer> sourceOf = new HashMap<>();

  public ChangerUnit(VirtualTapeLibrary library, String serial) {
    this.library = library;
    this.serial = serial;
  }

  @Override
  public ScsiResponse execute(byte[] cdb, byte[] dataOut) {
    try {
      return switch (Bytes.u8(cdb, 0)) {
        case 0x12 -> Inquiry.answer(cdb, 0x08, false, "VTL CHANGER", serial);
        case 0x03 -> Inquiry.noSense(cdb);
        case 0x00, 0x1E, 0x2B -> ScsiResponse.good(); // TEST UNIT READY, PREVENT ALLOW, POSITION
        case 0x07, 0x37 -> {
          library.rescan(); // INITIALIZE ELEMENT STATUS (WITH RANGE)
          yield ScsiResponse.good();
        }
        case 0x1A -> modeSense(cdb);
        case 0xB8 -> readElementStatus(cdb);
        case 0xA5 -> move(cdb);
        default -> ScsiResponse.check(Sense.invalidOpcode());
      };
    } catch (TapeException e) {
      return ScsiResponse.check(
          e instanceof TapeException.IllegalRequest
              ? Sense.invalidField()
              : Sense.of(Sense.HARDWARE_ERROR, 0x15, 0x01)); // mechanical positioning error
    }
  }

  private static int typeCode(ElementType t) {
    return switch (t) {
      case MEDIUM_TRANSPORT -> 1;
      case STORAGE -> 2;
      case IMPORT_EXPORT -> 3;
      case DATA_TRANSFER -> 4;
    };
  }

  private ScsiResponse modeSense(byte[] cdb) throws TapeException {
    int page = cdb[2] & 0x3F;
    int allocation = Bytes.u8(cdb, 4);
    ByteArrayOutputStream pages = new ByteArrayOutputStream();
    if (page == 0x1D || page == 0x3F) {
      byte[] p = new byte[20];
      p[0] = 0x1D;
      p[1] = 0x12;
      List<Element> inv = library.inventory();
      int at = 2;
      for (ElementType t :
          List.of(
              ElementType.MEDIUM_TRANSPORT,
              ElementType.STORAGE,
              ElementType.IMPORT_EXPORT,
              ElementType.DATA_TRANSFER)) {
        List<Element> of = inv.stream().filter(e -> e.type() == t).toList();
        Bytes.putShort(p, at, of.isEmpty() ? 0 : of.get(0).address());
        Bytes.putShort(p, at + 2, of.size());
        at += 4;
      }
      pages.writeBytes(p);
    }
    if (page == 0x1E || page == 0x3F) {
      pages.writeBytes(new byte[] {0x1E, 0x02, 0, 0});
    }
    if (page == 0x1F || page == 0x3F) {
      byte[] p = new byte[20];
      p[0] = 0x1F;
      p[1] = 0x12;
      p[2] = 0x0F; // cartridges can be stored in every kind of element
      for (int i = 4; i < 8; i++) {
        p[i] = 0x0F; // and moved from each kind to each kind
      }
      pages.writeBytes(p);
    }
    if (pages.size() == 0) {
      return ScsiResponse.check(Sense.invalidField());
    }
    byte[] data = new byte[4 + pages.size()];
    data[0] = (byte) (data.length - 1);
    System.arraycopy(pages.toByteArray(), 0, data, 4, pages.size());
    return ScsiResponse.good(data).truncatedTo(allocation);
  }

  private ScsiResponse readElementStatus(byte[] cdb) throws TapeException {
    boolean volumeTags = (cdb[1] & 0x10) != 0;
    int type = cdb[1] & 0x0F;
    int start = Bytes.u16(cdb, 2);
    int count = Bytes.u16(cdb, 4);
    int allocation = Bytes.u24(cdb, 7);
    if (type > 4) {
      return ScsiResponse.check(Sense.invalidField());
    }
    List<Element> selected = new ArrayList<>();
    for (Element e : library.inventory()) {
      if ((type == 0 || typeCode(e.type()) == type)
          && e.address() >= start
          && selected.size() < count) {
        selected.add(e);
      }
    }
    int descriptorLength = 12 + (volumeTags ? 36 : 0);
    ByteArrayOutputStream pages = new ByteArrayOutputStream();
    for (int i = 0; i < selected.size(); ) {
      ElementType t = selected.get(i).type();
      int j = i;
      while (j < selected.size() && selected.get(j).type() == t) {
        j++;
      }
      byte[] header = new byte[8];
      header[0] = (byte) typeCode(t);
      header[1] = (byte) (volumeTags ? 0x80 : 0);
      Bytes.putShort(header, 2, descriptorLength);
      Bytes.put24(header, 5, descriptorLength * (j - i));
      pages.writeBytes(header);
      for (Element e : selected.subList(i, j)) {
        pages.writeBytes(descriptor(e, descriptorLength, volumeTags));
      }
      i = j;
    }
    byte[] data = new byte[8 + pages.size()];
    if (!selected.isEmpty()) {
      Bytes.putShort(data, 0, selected.get(0).address());
    }
    Bytes.putShort(data, 2, selected.size());
    Bytes.put24(data, 5, pages.size());
    System.arraycopy(pages.toByteArray(), 0, data, 8, pages.size());
    return ScsiResponse.good(data).truncatedTo(allocation);
  }

  private byte[] descriptor(Element e, int length, boolean volumeTags) {
    byte[] d = new byte[length];
    Bytes.putShort(d, 0, e.address());
    int flags = e.full() ? 0x01 : 0;
    if (e.type() != ElementType.MEDIUM_TRANSPORT) {
      flags |= 0x08; // ACCESS
    }
    if (e.type() == ElementType.IMPORT_EXPORT) {
      flags |= 0x30; // INENAB, EXENAB
    }
    d[2] = (byte) flags;
    Integer source = sourceOf.get(e.address());
    if (e.full() && source != null) {
      d[9] = (byte) 0x80;
      Bytes.putShort(d, 10, source);
    }
    if (volumeTags && e.cartridge().isPresent()) {
      Bytes.putAscii(d, 12, 32, e.cartridge().get().value());
    }
    return d;
  }

  private ScsiResponse move(byte[] cdb) throws TapeException {
    int from = Bytes.u16(cdb, 4);
    int to = Bytes.u16(cdb, 6);
    Map<Integer, Element> elements = new HashMap<>();
    for (Element e : library.inventory()) {
      elements.put(e.address(), e);
    }
    Element source = elements.get(from);
    Element target = elements.get(to);
    if (source == null || target == null) {
      return ScsiResponse.check(Sense.illegalRequest(0x21, 0x01)); // invalid element address
    }
    if (!source.full()) {
      return ScsiResponse.check(Sense.illegalRequest(0x3B, 0x0E)); // medium source element empty
    }
    if (target.full()) {
      return ScsiResponse.check(Sense.illegalRequest(0x3B, 0x0D)); // destination element full
    }
    if (source.type() == ElementType.DATA_TRANSFER && library.drive(from).status().loaded()) {
      return ScsiResponse.check(Sense.illegalRequest(0x53, 0x02)); // medium removal prevented
    }
    library.move(from, to);
    sourceOf.remove(from);
    sourceOf.put(to, from);
    return ScsiResponse.good();
  }
}
