package dev.strata.pool;

/** The pool holds nothing under the given identity. */
public final class UnknownIdentityException extends DomainException {
  private static final long serialVersionUID = 1L;

  public UnknownIdentityException(String what, Object id) {
    super("no " + what + " with id '" + id + "'");
  }
}
