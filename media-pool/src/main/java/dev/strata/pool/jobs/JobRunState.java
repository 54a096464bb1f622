package dev.strata.pool.jobs;

/** Where a run of a backup job is in its life. */
public enum JobRunState {
  /** Due; waiting for its agent to claim it. */
  QUEUED,
  /** Its agent took it and is starting. */
  CLAIMED,
  /** Its agent is backing up and reporting progress. */
  RUNNING,
  /** Its agent recorded a snapshot. */
  DONE,
  /** Its agent gave up; the message says why. */
  FAILED,
  /** Its agent did not claim it in time (offline, or busy): reported, never silently dropped. */
  MISSED;

  public boolean finished() {
    return this == DONE || this == FAILED || this == MISSED;
  }
}
