package dev.strata.pool.catalog;

/** Where a medium stands; SCRATCH and VAULTED apply to cartridges only. */
public enum MediumState {
  /** Blank (or recycled): free to be labelled and written. */
  SCRATCH,
  /** Being appended to. */
  FILLING,
  /** Reached its end; read only by nature. */
  FULL,
  /** Write-protected on purpose (or reinstated after being suspect): never appended to. */
  READ_ONLY,
  /** A read or write error, or a failed verification, casts doubt on it. */
  SUSPECT,
  /** Out of the library, in an offsite vault. */
  VAULTED,
  /** Out of service for good. */
  RETIRED
}
