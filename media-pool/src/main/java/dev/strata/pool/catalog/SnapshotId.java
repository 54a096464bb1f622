package dev.strata.pool.catalog;

/**
 * A snapshot's identity as the agent computes it: the SHA-256 of its manifest, 64 lower-case hex
 * digits (the same string as the repository format's snapshot id), so the catalog and the media
 * name a snapshot alike.
 */
public record SnapshotId(String hex) implements Comparable<SnapshotId> {
  public SnapshotId {
    Hex64.require("snapshot", hex, "a snapshot id");
  }

  public static SnapshotId of(String hex) {
    return new SnapshotId(hex);
  }

  /** The first eight digits, as commands print it. */
  public String shortForm() {
    return hex.substring(0, 8);
  }

  @Override
  public int compareTo(SnapshotId o) {
    return hex.compareTo(o.hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
