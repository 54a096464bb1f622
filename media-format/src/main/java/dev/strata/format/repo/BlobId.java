package dev.strata.format.repo;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The identity of a blob: the keyed hash (HMAC-SHA-256 under the repository's id key) of its
 * plaintext, so equal data deduplicates within a repository and ids reveal nothing across
 * repositories.
 */
public final class BlobId implements Comparable<BlobId> {
  public static final int LENGTH = 32;
  private final byte[] bytes;
  private final int hash;

  private BlobId(byte[] bytes) {
    this.bytes = bytes;
    this.hash =
        (bytes[0] & 0xff) << 24
            | (bytes[1] & 0xff) << 16
            | (bytes[2] & 0xff) << 8
            | bytes[3] & 0xff;
  }

  /** An id from its 32 bytes (copied). */
  public static BlobId of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a blob id has 32 bytes, not " + bytes.length);
    }
    return new BlobId(bytes.clone());
  }

  /** An id that takes ownership of {@code bytes}. */
  static BlobId wrap(byte[] bytes) {
    return new BlobId(bytes);
  }

  public static BlobId parse(String hex) {
    if (hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("a blob id is 64 hex digits: '" + hex + "'");
    }
    return new BlobId(HexFormat.of().parseHex(hex));
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  void writeTo(java.nio.ByteBuffer b) {
    b.put(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlobId other && hash == other.hash && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public int compareTo(BlobId o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }

  /** The first eight hex digits, for messages. */
  public String shortForm() {
    return toString().substring(0, 8);
  }
}
