package dev.strata.pool;

/** Where a target stands in its life in the pool. */
public enum TargetState {
  /** Registered and probed, but not yet given copies; the patent's "potential target". */
  POTENTIAL,
  /** Probed and eligible for new copies. */
  ACTIVE,
  /** Probed, keeps serving reads, gets no new copies; its copies are being moved off. */
  DRAINING,
  /** Out of service: neither probed nor used. */
  RETIRED;

  /** Whether new copies may be placed on targets in this state (only on active ones). */
  public boolean acceptsNewCopies() {
    return this == ACTIVE;
  }

  /** Whether the scheduled probes measure targets in this state. */
  public boolean isProbed() {
    return this != RETIRED;
  }
}
