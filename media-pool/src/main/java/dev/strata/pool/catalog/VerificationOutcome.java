package dev.strata.pool.catalog;

/** What reading back one copy found. */
public enum VerificationOutcome {
  /** Every byte read, the hash and the signature check. */
  INTACT,
  /** Read, but the hash or the signature does not check. */
  CORRUPT,
  /** Not found where the catalog says it is (or the medium could not be read). */
  MISSING
}
