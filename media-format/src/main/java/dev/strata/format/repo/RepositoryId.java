package dev.strata.format.repo;

import java.util.random.RandomGenerator;

/** The random identity of a repository, bound into every blob, pack, key file and snapshot. */
public final class RepositoryId extends FixedBytes {
  public static final int LENGTH = 16;

  private RepositoryId(byte[] bytes) {
    super(bytes);
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
}
