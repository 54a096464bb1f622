package dev.strata.format.repo;

import dev.strata.format.FormatException;

/** How a blob's plaintext was compressed before encryption; recorded in the pack index. */
public enum Compression {
  NONE(0),
  ZSTD(1);

  private final int code;

  Compression(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Compression ofCode(int code) throws FormatException {
    for (Compression c : values()) {
      if (c.code == code) {
        return c;
      }
    }
    throw new FormatException("unknown compression " + code);
  }
}
