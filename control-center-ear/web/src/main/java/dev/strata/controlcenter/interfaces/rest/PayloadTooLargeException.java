package dev.strata.controlcenter.interfaces.rest;

/** A request body beyond the configured limit (413). */
public final class PayloadTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(String message) {
    super(message);
  }
}
