package dev.strata.disk;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** A SHA-256 digest. */
public final class Sha256 {
  private final byte[] bytes;

  private Sha256(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("a SHA-256 digest is 32 bytes");
    }
    this.bytes = bytes.clone();
  }

  public static Sha256 of(byte[] digest) {
    return new Sha256(digest);
  }

  public static Sha256 digest(byte[] data) {
    return new Sha256(newDigest().digest(data));
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sha256 s && MessageDigest.isEqual(bytes, s.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
