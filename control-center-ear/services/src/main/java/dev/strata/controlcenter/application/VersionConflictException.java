package dev.strata.controlcenter.application;

import dev.strata.pool.DomainException;

/**
 * A change was based on a version of a record that is no longer current (optimistic concurrency:
 * the client read it, somebody else changed it, the client's change would overwrite that).
 */
public final class VersionConflictException extends DomainException {
  private static final long serialVersionUID = 1L;

  public VersionConflictException(String what, Object id, long expected, long current) {
    super(
        what
            + " '"
            + id
            + "' is at version "
            + current
            + ", not "
            + expected
            + "; read it again and reapply the change");
  }
}
