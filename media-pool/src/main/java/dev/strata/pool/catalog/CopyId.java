package dev.strata.pool.catalog;

import dev.strata.pool.InvalidValueException;

/** Identity of one copy of a pack, the catalog's sequence number for it. */
public record CopyId(long value) implements Comparable<CopyId> {
  public CopyId {
    if (value < 1) {
      throw new InvalidValueException("copy", "a copy id is positive");
    }
  }

  public static CopyId of(long value) {
    return new CopyId(value);
  }

  @Override
  public int compareTo(CopyId o) {
    return Long.compare(value, o.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
