package dev.strata.pool;

/**
 * The caller is known but its role does not allow the operation. (An object of another tenant is
 * never reported this way: it is unknown to the caller, {@link UnknownIdentityException}.)
 */
public final class AccessDeniedException extends DomainException {
  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String message) {
    super(message);
  }
}
