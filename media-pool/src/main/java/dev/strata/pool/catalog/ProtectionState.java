package dev.strata.pool.catalog;

/** How well a snapshot is protected, derived from its copies (never stored). */
public enum ProtectionState {
  /** Every copy its policy requires exists and was read back intact. */
  PROTECTED,
  /** Every pack has a verified copy, but some required copies are missing or not yet verified. */
  PARTIALLY_PROTECTED,
  /** Some pack has no verified copy at all: a restore might fail today. */
  AT_RISK
}
