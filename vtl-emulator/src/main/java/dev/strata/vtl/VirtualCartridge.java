package dev.strata.vtl;

import dev.strata.tape.CartridgeType;
import dev.strata.tape.TapeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The medium of a virtual cartridge, kept in a directory: {@code data} holds the blocks' bytes back
 * to back, {@code index} a 16-byte header (magic {@code STRATAVC}, format version, record size,
 * CRC-32C) and one 21-byte record per logical object (kind, data offset, length, CRC-32C of the
 * block, CRC-32C of the record); docs/formats/vtl-cartridge.md is the specification. Cartridges of
 * format version 1 (an index without the header) are still read and appended to as they are. An
 * object is acknowledged once its data and its index record are written, so it survives a killed
 * process; filemarks also force both files to the device, as a drive flushes its buffer at a
 * filemark. Opening recovers from a crash: the index is cut after its last intact record that
 * points at data present, and the data after that record.
 *
 * <p>Every block's CRC-32C is checked when read (in the spirit of LTO logical block protection), so
 * bits that flipped at rest are reported as a medium error, never returned.
 *
 * <p>Not thread-safe: it belongs to the drive it is loaded in.
 */
final class VirtualCartridge implements AutoCloseable {
  static final byte BLOCK = 1;
  static final byte FILEMARK = 2;
  private static final int RECORD = 1 + 8 + 4 + 4 + 4;
  static final byte[] MAGIC = "STRATAVC".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  static final int VERSION = 2;
  static final int HEADER = MAGIC.length + 2 + 2 + 4;

  /** Where the records start in the index: after the header, or at 0 in a version-1 cartridge. */
  private long base;

  private final String volume;
  private final CartridgeType type;
  private final long capacity;
  private long earlyWarning;
  private final FileChannel data;
  private final FileChannel index;
  private byte[] kinds = new byte[1024];
  private long[] offsets = new long[1024];
  private int[] lengths = new int[1024];
  private int[] crcs = new int[1024];
  private int count;
  private long dataEnd;

  private VirtualCartridge(
      String volume, CartridgeType type, long capacity, FileChannel data, FileChannel index) {
    this.volume = volume;
    this.type = type;
    this.capacity = capacity;
    this.earlyWarning = capacity - Math.max(capacity / 50, 1);
    this.data = data;
    this.index = index;
  }

  /** Opens (creating if new) the cartridge kept in {@code dir}, recovering from a crash. */
  static VirtualCartridge open(Path dir, String volume, CartridgeType type, long capacity)
      throws IOException {
    Files.createDirectories(dir);
    FileChannel data =
        FileChannel.open(
            dir.resolve("data"),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    FileChannel index =
        FileChannel.open(
            dir.resolve("index"),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    VirtualCartridge c = new VirtualCartridge(volume, type, capacity, data, index);
    c.recover();
    return c;
  }

  static ByteBuffer header() {
    ByteBuffer h = ByteBuffer.allocate(HEADER);
    h.put(MAGIC).putShort((short) VERSION).putShort((short) RECORD);
    CRC32C crc = new CRC32C();
    crc.update(h.array(), 0, HEADER - 4);
    return h.putInt((int) crc.getValue()).flip();
  }

  /**
   * Reads the index header: a new (empty) cartridge gets one; an index whose first bytes are not
   * the magic is a version-1 cartridge (its first byte is a record's kind, 1 or 2), read from 0.
   */
  private void readHeader() throws IOException {
    long size = index.size();
    ByteBuffer h = ByteBuffer.allocate((int) Math.min(size, HEADER));
    index.read(h, 0);
    h.flip();
    byte[] expected = header().array();
    boolean headerPrefix = Arrays.equals(h.array(), 0, h.limit(), expected, 0, h.limit());
    if (size == 0 || (size < HEADER && headerPrefix && data.size() == 0)) {
      // New, or the header of a new cartridge was cut short by a crash: nothing was recorded.
      index.truncate(0);
      ByteBuffer fresh = header();
      while (fresh.hasRemaining()) {
        index.write(fresh, fresh.position());
      }
      index.force(false);
      base = HEADER;
      return;
    }
    if (size >= MAGIC.length && Arrays.equals(h.array(), 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      if (size < HEADER) {
        throw new IOException("cartridge " + volume + ": its index header is cut short");
      }
      int version = h.getShort(MAGIC.length) & 0xFFFF;
      int record = h.getShort(MAGIC.length + 2) & 0xFFFF;
      CRC32C crc = new CRC32C();
      crc.update(h.array(), 0, HEADER - 4);
      if ((int) crc.getValue() != h.getInt(HEADER - 4)) {
        throw new IOException("cartridge " + volume + ": its index header fails its CRC-32C check");
      }
      if (version != VERSION || record != RECORD) {
        throw new IOException(
            "cartridge "
                + volume
                + " is in format version "
                + version
                + "; this build reads versions 1 and "
                + VERSION);
      }
      base = HEADER;
      return;
    }
    base = 0; // version 1: records from the first byte
  }

  private void recover() throws IOException {
    readHeader();
    long dataSize = data.size();
    ByteBuffer all = ByteBuffer.allocate((int) Math.min(index.size() - base, Integer.MAX_VALUE));
    index.read(all, base);
    all.flip();
    CRC32C crc = new CRC32C();
    long expectedOffset = 0;
    while (all.remaining() >= RECORD) {
      int start = all.position();
      byte kind = all.get();
      long offset = all.getLong();
      int length = all.getInt();
      int blockCrc = all.getInt();
      int recordCrc = all.getInt();
      crc.reset();
      crc.update(all.array(), start, RECORD - 4);
      boolean intact =
          (int) crc.getValue() == recordCrc
              && (kind == BLOCK || kind == FILEMARK)
              && offset == expectedOffset
              && offset + length <= dataSize;
      if (!intact) {
        break;
      }
      append(kind, offset, length, blockCrc);
      expectedOffset = offset + length;
    }
    dataEnd = expectedOffset;
    index.truncate(base + (long) count * RECORD);
    data.truncate(dataEnd);
  }

  private void append(byte kind, long offset, int length, int crc) {
    if (count == kinds.length) {
      int n = count * 2;
      kinds = Arrays.copyOf(kinds, n);
      offsets = Arrays.copyOf(offsets, n);
      lengths = Arrays.copyOf(lengths, n);
      crcs = Arrays.copyOf(crcs, n);
    }
    kinds[count] = kind;
    offsets[count] = offset;
    lengths[count] = length;
    crcs[count] = crc;
    count++;
  }

  String volume() {
    return volume;
  }

  CartridgeType type() {
    return type;
  }

  /** Logical objects recorded; the end of data is at this position. */
  int count() {
    return count;
  }

  byte kind(long position) {
    return kinds[(int) position];
  }

  int length(long position) {
    return lengths[(int) position];
  }

  /** Moves the early-warning point (fault injection: early warning at a chosen position). */
  void earlyWarningAt(long bytes) {
    this.earlyWarning = bytes;
  }

  /** Makes {@code position} the end of data, dropping what follows. */
  void truncate(long position) throws IOException {
    if (position >= count) {
      return;
    }
    int p = (int) position;
    count = p;
    dataEnd = p == 0 ? 0 : offsets[p - 1] + lengths[p - 1];
    index.truncate(base + (long) p * RECORD);
    data.truncate(dataEnd);
  }

  /**
   * Appends a block at the end of data.
   *
   * @return whether the early-warning point is now passed (the block was written)
   */
  boolean writeBlock(ByteBuffer block, long position) throws IOException, TapeException {
    int length = block.remaining();
    if (dataEnd + length > capacity) {
      throw new TapeException.EndOfMedium(position);
    }
    CRC32C crc = new CRC32C();
    crc.update(block.duplicate());
    long offset = dataEnd;
    while (block.hasRemaining()) {
      data.write(block, dataEnd + (length - block.remaining()));
    }
    record(BLOCK, offset, length, (int) crc.getValue());
    dataEnd += length;
    return dataEnd > earlyWarning;
  }

  void writeFilemark() throws IOException {
    record(FILEMARK, dataEnd, 0, 0);
    data.force(false);
    index.force(false);
  }

  private void record(byte kind, long offset, int length, int blockCrc) throws IOException {
    ByteBuffer r = ByteBuffer.allocate(RECORD);
    r.put(kind).putLong(offset).putInt(length).putInt(blockCrc);
    CRC32C crc = new CRC32C();
    crc.update(r.array(), 0, RECORD - 4);
    r.putInt((int) crc.getValue()).flip();
    long at = base + (long) count * RECORD;
    while (r.hasRemaining()) {
      at += index.write(r, at);
    }
    append(kind, offset, length, blockCrc);
  }

  /** Reads the block at {@code position} into {@code dst}, checking its CRC. */
  void readBlock(long position, ByteBuffer dst) throws IOException, TapeException {
    int p = (int) position;
    int length = lengths[p];
    ByteBuffer view = dst.slice(dst.position(), length);
    long at = offsets[p];
    while (view.hasRemaining()) {
      int n = data.read(view, at + view.position());
      if (n < 0) {
        throw new TapeException.MediumError(position, "the block is cut short");
      }
    }
    CRC32C crc = new CRC32C();
    crc.update(view.flip());
    if ((int) crc.getValue() != crcs[p]) {
      throw new TapeException.MediumError(position, "the block fails its CRC-32C check");
    }
    dst.position(dst.position() + length);
  }

  /** Where object {@code position}'s data starts (the end of data for the end). */
  long offsetOf(long position) {
    return position >= count ? dataEnd : offsets[(int) position];
  }

  long capacity() {
    return capacity;
  }

  @Override
  public void close() throws IOException {
    try (data;
        index) {
      // closes both
    }
  }
}
