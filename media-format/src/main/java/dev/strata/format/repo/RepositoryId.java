package dev.strata.format.repo;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** The random identity of a repository, bound into every blob, pack, key file and snapshot. */
public final class RepositoryId {
  public static final int LENGTH = 16;
  private final byte[] bytes;

  private RepositoryId(byte[] bytes) {
    this.bytes = bytes;
  }

  public static RepositoryId random(RandomGenerator random) {
    byte[] b = new byte[LENGTH];
    random.nextBytes(b);
    return new RepositoryId(b);
  }

  public static RepositoryId of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a repository id has 16 bytes");
    }
    return new RepositoryId(bytes.clone());
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RepositoryId r && Arrays.equals(bytes, r.bytes);
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
