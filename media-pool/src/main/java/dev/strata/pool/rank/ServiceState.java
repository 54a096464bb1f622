package dev.strata.pool.rank;

/**
 * How well a target is serving, derived from its recent probes with hysteresis (see {@link
 * Hysteresis}); never stored, so it cannot disagree with the history it comes from.
 */
public enum ServiceState {
  /** Its probes find it serving and its data intact. */
  HEALTHY,
  /** Serving, but below a probe floor (low free capacity, no data-path test, capacity unknown). */
  DEGRADED,
  /** Unreachable or failing its data-path probes. */
  FAILING,
  /** No usable probe in the window: never probed, no driver, or probes too old. */
  UNKNOWN;

  /** Whether new copies may be placed on a target in this state. */
  public boolean mayReceiveCopies() {
    return this == HEALTHY || this == DEGRADED;
  }
}
