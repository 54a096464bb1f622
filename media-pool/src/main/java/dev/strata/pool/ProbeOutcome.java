package dev.strata.pool;

/** The verdict of one probe on a target's ability to give service. */
public enum ProbeOutcome {
  /** Reachable, the probe object read back intact, capacity above the floor. */
  OK,
  /** Serving, but below a floor (low free capacity, capacity unknown, no data-path test). */
  DEGRADED,
  /** The device did not answer. */
  UNREACHABLE,
  /** The device answered but lost or corrupted the probe object, or refused it. */
  FAILED,
  /** This control center has no driver for the target's endpoint scheme, so cannot use it. */
  NO_DRIVER
}
