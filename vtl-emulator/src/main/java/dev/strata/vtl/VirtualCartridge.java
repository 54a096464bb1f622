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
 * to back, {@code index} one 21-byte record per logical object (kind, data offset, length, CRC-32C
 * of the block, CRC-32C of the record). An object is acknowledged once its data and its index
 * record are written, so it survives a killed process; filemarks also force both files to the
 * device, as a drive flushes its buffer at a filemark. Opening recovers from a crash: the index is
 * cut after its last intact record that points at data present, and the data after that record.
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

  private void recover() throws IOException {
    long dataSize = data.size();
    ByteBuffer all = ByteBuffer.allocate((int) Math.min(index.size(), Integer.MAX_VALUE));
    index.read(all, 0);
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
    index.truncate((long) count * RECORD);
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
    index.truncate((long) p * RECORD);
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
    long at = (long) count * RECORD;
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
