package dev.strata.format.repo;

import java.util.HexFormat;

/**
 * The SHA-256 of a whole pack, which is also its name in the repository ({@code data/<hex>}): what
 * the ledger records of a pack, so that a keyless check can tell that it is there and unchanged.
 */
public final class PackHash extends FixedBytes {
  public static final int LENGTH = 32;

  private PackHash(byte[] bytes) {
    super(bytes);
  }

  public static PackHash of(byte[] sha256) {
    if (sha256.length != LENGTH) {
      throw new IllegalArgumentException("a pack hash has 32 bytes");
    }
    return new PackHash(sha256.clone());
  }

  /** From 64 hex digits (the part of a pack's name after {@code data/}). */
  public static PackHash ofHex(String hex) {
    return of(HexFormat.of().parseHex(hex));
  }
}
