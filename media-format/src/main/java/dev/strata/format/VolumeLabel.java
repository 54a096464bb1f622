package dev.strata.format;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The label a Strata tape volume carries as tape file 0, so that a cartridge describes itself:
 * which cartridge it is, which pool it belongs to, when and how it was labelled. Layout version 1
 * is specified in {@code docs/formats/tape-volume-label.md}; {@link #encode()} and {@link
 * #decode(ByteBuffer)} implement it exactly and the golden vector in the tests pins it.
 *
 * @param volumeTag the cartridge's barcode (1-32 printable ASCII characters without spaces)
 * @param pool the media pool the volume belongs to (1-255 bytes of UTF-8)
 * @param volumeId identity of this labelling; a relabelled cartridge gets a new one
 * @param createdAt when the label was written
 * @param blockSize block size of the data files that follow (512 B to 16 MiB)
 * @param worm whether the volume is write-once
 */
public record VolumeLabel(
    String volumeTag, String pool, UUID volumeId, Instant createdAt, int blockSize, boolean worm) {

  public static final int VERSION = 1;
  static final byte[] MAGIC = "STRATAVL".getBytes(StandardCharsets.US_ASCII);
  static final int MAX_LENGTH = 8 + 2 + 2 + 8 + 4 + 16 + 4 + 1 + 32 + 1 + 255 + 4;
  private static final Pattern TAG = Pattern.compile("[!-~]{1,32}");

  public VolumeLabel {
    Objects.requireNonNull(volumeId, "volumeId");
    Objects.requireNonNull(createdAt, "createdAt");
    if (volumeTag == null || !TAG.matcher(volumeTag).matches()) {
      throw new IllegalArgumentException("volumeTag must be 1-32 printable ASCII characters");
    }
    int poolBytes = pool == null ? 0 : pool.getBytes(StandardCharsets.UTF_8).length;
    if (poolBytes < 1 || poolBytes > 255) {
      throw new IllegalArgumentException("pool must be 1-255 bytes of UTF-8");
    }
    if (blockSize < 512 || blockSize > 16 << 20) {
      throw new IllegalArgumentException("blockSize must be 512 B to 16 MiB");
    }
  }

  /** The label as the single block written to tape file 0. */
  public byte[] encode() {
    byte[] tag = volumeTag.getBytes(StandardCharsets.US_ASCII);
    byte[] poolBytes = pool.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b =
        ByteBuffer.allocate(8 + 2 + 2 + 8 + 4 + 16 + 4 + 1 + tag.length + 1 + poolBytes.length + 4);
    b.put(MAGIC);
    b.putShort((short) VERSION);
    b.putShort((short) (worm ? 1 : 0));
    b.putLong(createdAt.getEpochSecond());
    b.putInt(createdAt.getNano());
    b.putLong(volumeId.getMostSignificantBits());
    b.putLong(volumeId.getLeastSignificantBits());
    b.putInt(blockSize);
    b.put((byte) tag.length);
    b.put(tag);
    b.put((byte) poolBytes.length);
    b.put(poolBytes);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /**
   * Reads a label block. The whole of {@code block}'s remaining bytes must be exactly one label.
   *
   * @throws FormatException when the block is not a Strata label, is of an unknown version, is
   *     truncated or has trailing bytes, or fails its checksum
   */
  public static VolumeLabel decode(ByteBuffer block) throws FormatException {
    ByteBuffer b = block.slice();
    int length = b.remaining();
    try {
      byte[] magic = new byte[MAGIC.length];
      b.get(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new FormatException("not a Strata volume label (magic differs)");
      }
      int version = Short.toUnsignedInt(b.getShort());
      if (version != VERSION) {
        throw new FormatException(
            "volume label version "
                + version
                + " is not supported (this build reads "
                + VERSION
                + ")");
      }
      int flags = Short.toUnsignedInt(b.getShort());
      if ((flags & ~1) != 0) {
        throw new FormatException("volume label has unknown flags 0x" + Integer.toHexString(flags));
      }
      long seconds = b.getLong();
      int nanos = b.getInt();
      UUID id = new UUID(b.getLong(), b.getLong());
      int blockSize = b.getInt();
      byte[] tag = new byte[Byte.toUnsignedInt(b.get())];
      b.get(tag);
      byte[] pool = new byte[Byte.toUnsignedInt(b.get())];
      b.get(pool);
      int covered = b.position();
      int stored = b.getInt();
      if (b.hasRemaining()) {
        throw new FormatException("volume label has " + b.remaining() + " trailing byte(s)");
      }
      CRC32C crc = new CRC32C();
      ByteBuffer body = block.slice().limit(covered);
      crc.update(body);
      if ((int) crc.getValue() != stored) {
        throw new FormatException("volume label checksum mismatch: the label is corrupt");
      }
      if (nanos < 0 || nanos > 999_999_999) {
        throw new FormatException("volume label creation time is invalid");
      }
      try {
        return new VolumeLabel(
            new String(tag, StandardCharsets.US_ASCII),
            new String(pool, StandardCharsets.UTF_8),
            id,
            Instant.ofEpochSecond(seconds, nanos),
            blockSize,
            (flags & 1) != 0);
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        throw new FormatException("volume label holds an invalid value: " + e.getMessage());
      }
    } catch (BufferUnderflowException e) {
      throw new FormatException("volume label truncated at " + length + " byte(s)");
    }
  }
}
