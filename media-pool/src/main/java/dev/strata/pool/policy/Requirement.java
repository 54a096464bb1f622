package dev.strata.pool.policy;

/** The kinds of promise a policy makes about a set of copies. */
public enum Requirement {
  /** The number of copies, each on its own target. */
  COPIES,
  /** The number of distinct data centers the copies span. */
  DATA_CENTERS,
  /** The number of copies on one media class. */
  MEDIA_CLASS,
  /** At least one copy restorable within the restore-time objective. */
  RESTORE_TIME
}
