package dev.strata.pool.catalog;

/**
 * A pack's identity: the SHA-256 of all its bytes, 64 lower-case hex digits — the name a pack store
 * keeps it under ({@code data/<hash>}), and what any holder can check it against without a key.
 */
public record PackHash(String hex) implements Comparable<PackHash> {
  public PackHash {
    Hex64.require("pack", hex, "a pack hash");
  }

  public static PackHash of(String hex) {
    return new PackHash(hex);
  }

  @Override
  public int compareTo(PackHash o) {
    return hex.compareTo(o.hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
