package dev.strata.node.packs;

import dev.strata.disk.Sha256;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A pack's name: the SHA-256 of all its bytes, 64 lower-case hex digits. */
public record PackId(String value) implements Comparable<PackId> {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public PackId {
    if (value == null || !HEX.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a pack id is the pack's SHA-256 as 64 lower-case hex digits");
    }
  }

  public static PackId of(String value) {
    return new PackId(value);
  }

  public static PackId of(byte[] sha256) {
    return new PackId(HexFormat.of().formatHex(sha256));
  }

  public Sha256 sha256() {
    return Sha256.of(HexFormat.of().parseHex(value));
  }

  public byte[] bytes() {
    return HexFormat.of().parseHex(value);
  }

  @Override
  public int compareTo(PackId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
