package dev.strata.format.repo;

import java.util.HexFormat;
import java.util.regex.Pattern;

/** A snapshot's identity: the SHA-256 of its manifest, as 64 lowercase hex digits. */
public record SnapshotId(String hex) implements Comparable<SnapshotId> {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public SnapshotId {
    if (hex == null || !HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("a snapshot id is 64 lowercase hex digits: '" + hex + "'");
    }
  }

  public static SnapshotId of(byte[] sha256) {
    return new SnapshotId(HexFormat.of().formatHex(sha256));
  }

  byte[] toBytes() {
    return HexFormat.of().parseHex(hex);
  }

  /** The first eight digits, as commands print it and accept it as a prefix. */
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
