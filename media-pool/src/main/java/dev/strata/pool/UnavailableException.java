package dev.strata.pool;

/**
 * The pool cannot serve the request now, through nobody's fault in the request: no storage node can
 * take the data, or none holding it answers. Trying later may help.
 */
public final class UnavailableException extends DomainException {
  private static final long serialVersionUID = 1L;

  public UnavailableException(String message) {
    super(message);
  }
}
