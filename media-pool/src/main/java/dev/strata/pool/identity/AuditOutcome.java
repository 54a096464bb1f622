package dev.strata.pool.identity;

/** How a state-changing call ended. */
public enum AuditOutcome {
  /** It did what was asked. */
  SUCCEEDED,
  /** It was refused: no or bad credentials, not permitted, bad input, a conflict. */
  REFUSED,
  /** The server failed to carry it out. */
  FAILED;

  /** The outcome an HTTP status reports. */
  public static AuditOutcome ofStatus(int status) {
    return status >= 500 ? FAILED : status >= 400 ? REFUSED : SUCCEEDED;
  }
}
