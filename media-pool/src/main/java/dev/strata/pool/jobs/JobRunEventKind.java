package dev.strata.pool.jobs;

/** The kinds of steps a job run records; names are persisted and sent, never renamed. */
public enum JobRunEventKind {
  QUEUED,
  CLAIMED,
  STARTED,
  PROGRESS,
  DONE,
  FAILED,
  MISSED
}
