package dev.strata.format.repo;

import java.util.Arrays;
import java.util.HexFormat;

/** Value semantics for the fixed-length byte strings of the formats (ids, keys), shown as hex. */
abstract class FixedBytes {
  final byte[] bytes;

  FixedBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && Arrays.equals(bytes, ((FixedBytes) o).bytes);
  }

  @Override
  public final int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public final String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
