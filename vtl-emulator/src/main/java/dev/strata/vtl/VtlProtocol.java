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
 * time (docs/formats/vtl-protocol.md is the specification). The connection opens with a hello each
 * way: the magic {@code SVTL} and the protocol version (u16); a peer that answers something else is
 * not a Strata VTL, and a version that differs ends the connection after the hello. A request is an
 * operation code (u8), a drive address (u16; 0 for the library) and the operation's arguments; a
 * response is a status (u8: 0 done, 1 a tape condition) and then the result, or the condition's
 * kind and message, which the client raises again as the same {@link
 * dev.strata.tape.TapeException}. Enumerations travel as their names. All integers big-endian
 * (Java's data streams).
 */
final class VtlProtocol {
  static final byte[] MAGIC = {'S', 'V', 'T', 'L'};

  /**
   * Version 2: the hello, element types by name, {@link #CAPACITY_OF}. (Version 1 had no hello and
   * sent element types as ordinals.)
   */
  static final int VERSION = 2;

  static void writeHello(DataOutputStream out) throws IOException {
    out.write(MAGIC);
    out.writeShort(VERSION);
    out.flush();
  }

  /**
   * Reads the peer's hello and returns its version.
   *
   * @throws java.net.ProtocolException if the peer does not start with the magic
   */
  static int readHello(DataInputStream in) throws IOException {
    byte[] magic = new byte[MAGIC.length];
    in.readFully(magic);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new java.net.ProtocolException("the peer is not a Strata VTL (no SVTL hello)");
    }
    return in.readUnsignedShort();
  }

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
      out.writeUTF(e.type().name());
      out.writeInt(e.address());
      out.writeBoolean(e.full());
      out.writeUTF(e.cartridge().map(Barcode::value).orElse(""));
    }
  }

  static List<Element> readElements(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<Element> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = in.readUTF();
      ElementType type;
      try {
        type = ElementType.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw new java.net.ProtocolException("unknown element type '" + name + "'");
      }
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
