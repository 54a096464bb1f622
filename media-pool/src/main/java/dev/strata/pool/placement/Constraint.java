package dev.strata.pool.placement;

/** The constraint that kept a candidate from receiving a copy. */
public enum Constraint {
  /** The target is not ACTIVE (potential, draining or retired targets get no new copies). */
  TARGET_STATE,
  /** Its derived service state is FAILING or UNKNOWN. */
  SERVICE_STATE,
  /** Availability below the policy's floor (or not measured). */
  FLOOR_AVAILABILITY,
  /** Write throughput below the policy's floor (or not measured). */
  FLOOR_WRITE_THROUGHPUT,
  /** Read throughput below the policy's floor (or not measured). */
  FLOOR_READ_THROUGHPUT,
  /** Data-error rate above the policy's floor. */
  FLOOR_ERROR_RATE,
  /** Less free capacity than the data to place (or free capacity unknown). */
  CAPACITY,
  /** The target already holds a copy of this data. */
  HOLDS_COPY,
  /** Choosing it would leave the data-center spread unmeetable. */
  DATA_CENTERS,
  /** Choosing it would leave a media-class requirement unmeetable. */
  MEDIA_CLASS,
  /** Choosing it would leave the restore-time objective unmeetable. */
  RESTORE_TIME,
  /** Eligible, but no plan over the pool meets the policy (the plan's unmet list says why). */
  POLICY_UNMEETABLE,
  /** Eligible, but better-ranked (or cheaper, at equal score) candidates took every copy. */
  OUTRANKED
}
