package dev.strata.tape.volume;

import dev.strata.format.FormatException;
import dev.strata.format.VolumeLabel;
import dev.strata.tape.ReadResult;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads a Strata tape volume: {@link #scan()} lists everything on the cartridge from the pieces'
 * own headers and trailers (two blocks per file, no catalog, no index needed), {@link #index()}
 * reads the end-of-volume index, {@link #read} streams a piece back checking every block's CRC. Not
 * thread-safe.
 */
public final class TapeVolumeReader {
  /** Room for the label block; every later block is at most the label's block size. */
  private static final int LABEL_BLOCK = 64 << 10;

  private final TapeDrive drive;
  private ByteBuffer buf = ByteBuffer.allocate(LABEL_BLOCK);
  private VolumeLabel label;

  public TapeVolumeReader(TapeDrive drive) {
    this.drive = drive;
  }

  /**
   * What a scan found: the label, every complete piece, the number of tape files (label included),
   * and the last index file if any. A piece cut short (no trailer, as after a crash while writing)
   * is not listed.
   */
  public record Scan(
      VolumeLabel label, List<PieceInfo> pieces, int files, OptionalInt lastIndexFile) {}

  private ByteBuffer readBlock() throws TapeException {
    ReadResult r = drive.readBlock(buf.clear());
    return r.filemark() ? null : buf.flip();
  }

  private VolumeLabel readLabel() throws IOException {
    drive.rewind();
    buf = ByteBuffer.allocate(LABEL_BLOCK);
    ByteBuffer b;
    try {
      b = readBlock();
    } catch (TapeException.IllegalRequest e) {
      throw new IOException("not a Strata volume: its first block is larger than a label", e);
    }
    if (b == null) {
      throw new IOException("not a Strata volume: tape file 0 is empty");
    }
    VolumeLabel label;
    try {
      label = VolumeLabel.decode(b);
    } catch (FormatException e) {
      throw new IOException("not a Strata volume: " + e.getMessage(), e);
    }
    if (readBlock() != null) {
      throw new IOException("not a Strata volume: tape file 0 holds more than the label");
    }
    this.label = label;
    // Reads ask for no more than the largest block written: drives (and st) limit a transfer.
    buf = ByteBuffer.allocate(label.blockSize());
    return label;
  }

  private void ensureLabel() throws IOException {
    if (label == null) {
      readLabel();
    }
  }

  public Scan scan() throws IOException {
    return scanBefore(Integer.MAX_VALUE);
  }

  /**
   * Like {@link #scan()}, but stops at tape file {@code end} without reading it or anything after
   * it (what follows may be the remains of an interrupted write, about to be overwritten).
   */
  public Scan scanBefore(int end) throws IOException {
    VolumeLabel label = readLabel();
    List<PieceInfo> pieces = new ArrayList<>();
    OptionalInt lastIndex = OptionalInt.empty();
    int file = 1;
    while (file < end) {
      ByteBuffer first;
      try {
        first = readBlock();
      } catch (TapeException.EndOfData e) {
        break;
      }
      if (first == null) {
        file++;
        continue; // an empty file
      }
      ByteBuffer payload = open(first);
      if (VolumeBlocks.startsWith(payload, VolumeBlocks.INDEX)) {
        lastIndex = OptionalInt.of(file);
        skipToNextFile();
      } else if (VolumeBlocks.startsWith(payload, VolumeBlocks.PIECE)) {
        Header h = header(payload);
        long length = trailerOfThisFile();
        if (length >= 0) {
          pieces.add(new PieceInfo(file, h.pack, h.packLength, h.sha256, h.offset, length));
        }
      } else {
        throw new IOException("tape file " + file + " is not part of a Strata volume");
      }
      file++;
    }
    return new Scan(label, pieces, file, lastIndex);
  }

  /** Skips the rest of the current file; the end of data may come first (a cut file). */
  private void skipToNextFile() throws TapeException {
    try {
      drive.spaceFilemarks(1);
    } catch (TapeException.EndOfData e) {
      // the file was cut short; the caller will meet the end of data
    }
  }

  /**
   * From inside a piece file: its trailer's piece length, or -1 if it has none; ends after the
   * file.
   */
  private long trailerOfThisFile() throws IOException {
    try {
      drive.spaceFilemarks(1);
    } catch (TapeException.EndOfData e) {
      return -1; // no filemark: cut short
    }
    drive.spaceFilemarks(-1);
    drive.spaceBlocks(-1);
    ByteBuffer last = open(readBlock());
    drive.spaceFilemarks(1);
    if (!VolumeBlocks.startsWith(last, VolumeBlocks.PIECE_END)) {
      return -1;
    }
    return last.getLong(last.position() + 4);
  }

  private ByteBuffer open(ByteBuffer block) throws IOException {
    try {
      return VolumeBlocks.open(block, drive.position() - 1);
    } catch (FormatException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private record Header(String pack, long packLength, String sha256, long offset) {}

  private static Header header(ByteBuffer p) throws IOException {
    ByteBuffer b = p.duplicate();
    b.position(b.position() + 4);
    int version = Short.toUnsignedInt(b.getShort());
    if (version != VolumeBlocks.VERSION) {
      throw new IOException("piece of volume format version " + version + " unknown");
    }
    byte[] name = new byte[Short.toUnsignedInt(b.getShort())];
    b.get(name);
    long packLength = b.getLong();
    byte[] sha = new byte[32];
    b.get(sha);
    return new Header(
        new String(name, StandardCharsets.UTF_8),
        packLength,
        HexFormat.of().formatHex(sha),
        b.getLong());
  }

  /** The pieces listed by the volume's last index (written when the volume was last closed). */
  public List<PieceInfo> index() throws IOException {
    ensureLabel();
    drive.spaceToEndOfData();
    drive.spaceFilemarks(-2);
    drive.spaceFilemarks(1);
    ByteBuffer all = ByteBuffer.allocate(1 << 20);
    ByteBuffer b;
    while ((b = readBlock()) != null) {
      ByteBuffer payload = open(b);
      if (all.remaining() < payload.remaining()) {
        all = ByteBuffer.allocate(all.capacity() * 2 + payload.remaining()).put(all.flip());
      }
      all.put(payload);
    }
    all.flip();
    if (!VolumeBlocks.startsWith(all, VolumeBlocks.INDEX)) {
      throw new IOException("the last tape file is not an index: the volume was not closed");
    }
    all.position(4 + 2);
    int n = all.getInt();
    List<PieceInfo> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int file = all.getInt();
      byte[] name = new byte[Short.toUnsignedInt(all.getShort())];
      all.get(name);
      long packLength = all.getLong();
      byte[] sha = new byte[32];
      all.get(sha);
      out.add(
          new PieceInfo(
              file,
              new String(name, StandardCharsets.UTF_8),
              packLength,
              HexFormat.of().formatHex(sha),
              all.getLong(),
              all.getLong()));
    }
    return out;
  }

  /** Streams piece {@code piece} back into {@code out}, checking every block. */
  public void read(PieceInfo piece, OutputStream out) throws IOException {
    ensureLabel();
    drive.rewind();
    drive.spaceFilemarks(piece.file());
    ByteBuffer first = open(readBlock());
    if (!VolumeBlocks.startsWith(first, VolumeBlocks.PIECE)) {
      throw new IOException("tape file " + piece.file() + " is not a pack piece");
    }
    long copied = 0;
    while (true) {
      ByteBuffer b = readBlock();
      if (b == null) {
        throw new IOException("tape file " + piece.file() + " ends without its trailer");
      }
      ByteBuffer payload = open(b);
      if (copied == piece.length() && VolumeBlocks.startsWith(payload, VolumeBlocks.PIECE_END)) {
        break;
      }
      out.write(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining());
      copied += payload.remaining();
      if (copied > piece.length()) {
        throw new IOException("tape file " + piece.file() + " holds more than its piece");
      }
    }
  }
}
