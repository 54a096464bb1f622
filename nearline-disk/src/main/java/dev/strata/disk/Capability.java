package dev.strata.disk;

/**
 * Optional features of a {@link PackStore}; a call that needs a missing one fails as {@link
 * StoreException.Unsupported}.
 */
public enum Capability {
  /** {@code put} over an existing name replaces it atomically (readers see old or new, whole). */
  ATOMIC_REPLACE,
  /** {@code get} of a byte range reads only that range. */
  RANGE_READS,
  /** Retention locks ({@code retain}) that the store itself enforces against delete and replace. */
  RETENTION,
  /** The store verifies an upload's checksum itself. */
  SERVER_SIDE_CHECKSUM
}
