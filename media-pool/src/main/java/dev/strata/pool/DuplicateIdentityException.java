package dev.strata.pool;

/** An identity is already taken; identities are never reused for something else. */
public final class DuplicateIdentityException extends DomainException {
  private static final long serialVersionUID = 1L;

  public DuplicateIdentityException(String what, Object id) {
    super(what + " '" + id + "' already exists");
  }
}
