package dev.strata.pool;

/** Base of the errors the pool's rules raise; adapters translate each kind to their protocol. */
public abstract class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected DomainException(String message) {
    super(message);
  }
}
