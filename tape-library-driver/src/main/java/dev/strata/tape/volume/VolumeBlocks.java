package dev.strata.tape.volume;

import dev.strata.format.FormatException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The block-level rules of the volume format: every block after the label ends with the CRC-32C of
 * the bytes before it, so a reader catches corruption on any drive, with or without logical block
 * protection in hardware.
 */
final class VolumeBlocks {
  static final int VERSION = 1;
  static final int CRC = 4;
  static final byte[] PIECE = {'S', 'R', 'T', 'P'};
  static final byte[] PIECE_END = {'S', 'R', 'T', 'E'};
  static final byte[] INDEX = {'S', 'R', 'T', 'I'};

  private VolumeBlocks() {}

  /** Appends the CRC of {@code b}'s bytes [0, position) and flips it for writing. */
  static ByteBuffer seal(ByteBuffer b) {
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    return b.flip();
  }

  /** Checks a block read into {@code b} (flipped) and returns its payload. */
  static ByteBuffer open(ByteBuffer b, long position) throws FormatException {
    if (b.remaining() < CRC) {
      throw new FormatException("block at object " + position + " is too short");
    }
    int n = b.remaining() - CRC;
    CRC32C crc = new CRC32C();
    crc.update(b.array(), b.position(), n);
    if ((int) crc.getValue() != b.getInt(b.position() + n)) {
      throw new FormatException("block at object " + position + " fails its CRC-32C check");
    }
    return b.slice(b.position(), n);
  }

  static boolean startsWith(ByteBuffer payload, byte[] magic) {
    if (payload.remaining() < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (payload.get(payload.position() + i) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
