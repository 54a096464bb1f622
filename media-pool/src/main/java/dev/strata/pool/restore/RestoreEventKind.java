package dev.strata.pool.restore;

/** What happened to a restore, as its event stream says it. */
public enum RestoreEventKind {
  /** Requested, with its estimate. */
  PLANNED,
  /** Packs are being recalled from tape (one event per node). */
  STAGING,
  /** Recalled packs are on a node's disk. */
  STAGED,
  READY,
  STARTED,
  PROGRESS,
  /** A copy failed while being read; the restore goes on from the next copy. */
  FAILOVER,
  DONE,
  FAILED,
  CANCELLED
}
