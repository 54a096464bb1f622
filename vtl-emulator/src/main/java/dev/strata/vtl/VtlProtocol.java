package dev.strata.vtl;

import dev.strata.tape.Barcode;
import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wire protocol between a remote VTL and its clients, over one TCP connection, one request at a
 * time. A request is an operation code (u8), a drive address (u16; 0 for the library) and the
 * operation's arguments; a response is a status (u8: 0 done, 1 a tape condition) and then the
 * result, or the condition's kind and message, which the client raises again as the same {@link
 * dev.strata.tape.TapeException}. All integers big-endian (Java's data streams).
 */
final class VtlProtocol {
  static final int NAME = 1;
  static final int CAPABILITIES = 2;
  static final int INVENTORY = 3;
  static final int RESCAN = 4;
  static final int MOVE = 5;
  static final int DRIVE = 6;

  /** A cartridge type's capacity in this library: the type's name in, the bytes (i64) out. */
  static final int CAPACITY_OF = 7;

  static final int DRIVE_NAME = 10;
  static final int DRIVE_CAPABILITIES = 11;
  static final int STATUS = 12;
  static final int LOAD = 13;
  static final int UNLOAD = 14;
  static final int REWIND = 15;
  static final int WRITE = 16;
  static final int WRITE_FILEMARKS = 17;
  static final int READ = 18;
  static final int SPACE_BLOCKS = 19;
  static final int SPACE_FILEMARKS = 20;
  static final int SPACE_EOD = 21;
  static final int LOCATE = 22;
  static final int POSITION = 23;

  static final int OK = 0;
  static final int CONDITION = 1;

  private VtlProtocol() {}

  static void writeElements(DataOutputStream out, List<Element> elements) throws IOException {
    out.writeInt(elements.size());
    for (Element e : elements) {
      out.writeByte(e.type().ordinal());
      out.writeInt(e.address());
      out.writeBoolean(e.full());
      out.writeUTF(e.cartridge().map(Barcode::value).orElse(""));
    }
  }

  static List<Element> readElements(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<Element> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ElementType type = ElementType.values()[in.readUnsignedByte()];
      int address = in.readInt();
      boolean full = in.readBoolean();
      String tag = in.readUTF();
      out.add(
          new Element(
              type,
              address,
              tag.isEmpty() ? Optional.empty() : Optional.of(Barcode.of(tag)),
              full));
    }
    return out;
  }
}
