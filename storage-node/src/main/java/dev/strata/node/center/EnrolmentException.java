package dev.strata.node.center;

/** The node cannot start as a member of its control center; the message says why and what to do. */
public final class EnrolmentException extends Exception {
  public EnrolmentException(String message) {
    super(message);
  }

  public EnrolmentException(String message, Throwable cause) {
    super(message, cause);
  }
}
