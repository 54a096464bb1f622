package dev.strata.pool.catalog;

/**
 * Where one copy of a pack stands. A copy is planned, written, made durable, then read back
 * (verified); a failed read-back makes it suspect until a later one passes or it is declared lost;
 * deletion ends it. See {@link PackCopy} for the transitions.
 */
public enum CopyState {
  /** A target was chosen; nothing written yet. */
  PLANNED,
  /** Bytes are being written. */
  WRITING,
  /** The target acknowledged the copy as durable (synced, on tape past a filemark). */
  DURABLE,
  /** Read back and found intact (hash and signature) by the last verification. */
  VERIFIED,
  /** The last verification found it corrupt or missing, or its medium is suspect. */
  SUSPECT,
  /** Gone for good (medium destroyed, target lost); kept as history. */
  LOST,
  /** Removed on purpose (expired, moved, or abandoned before it was durable). */
  DELETED;

  /** Whether the copy holds the pack's bytes as far as the catalog knows. */
  public boolean holdsData() {
    return this == DURABLE || this == VERIFIED || this == SUSPECT;
  }

  /** Whether the state can still change. */
  public boolean isFinal() {
    return this == LOST || this == DELETED;
  }
}
