package dev.strata.pool.restore;

/** Where a restore is in its life. */
public enum RestoreState {
  /** Packs that only tape holds are being recalled to a node's disk. */
  PREPARING,
  /** Every pack can be read now; waiting for its agent. */
  READY,
  /** The agent is reading and writing files. */
  RUNNING,
  DONE,
  FAILED,
  CANCELLED;

  public boolean finished() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }
}
