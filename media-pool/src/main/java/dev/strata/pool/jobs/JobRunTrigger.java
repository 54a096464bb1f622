package dev.strata.pool.jobs;

/** Why a run exists: its job's schedule came due, or someone asked for it now. */
public enum JobRunTrigger {
  SCHEDULE,
  MANUAL
}
