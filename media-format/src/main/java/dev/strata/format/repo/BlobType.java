package dev.strata.format.repo;

/** What a blob holds. The code is persisted in pack indexes and bound into each blob's cipher. */
public enum BlobType {
  /** A chunk of file content. */
  DATA(1),
  /** A part of a snapshot's tree (file and directory entries). */
  TREE(2);

  private final int code;

  BlobType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static BlobType ofCode(int code) throws dev.strata.format.FormatException {
    for (BlobType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new dev.strata.format.FormatException("unknown blob type " + code);
  }
}
