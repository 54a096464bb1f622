package dev.strata.controlcenter.application;

import dev.strata.pool.DomainException;
import jakarta.ejb.ApplicationException;

/**
 * Carries a rule violation of the domain out of an application service. The domain cannot be
 * annotated as an EJB application exception (it imports nothing of the container), and a plain
 * runtime exception would reach the caller wrapped in an {@code EJBException} as if the server had
 * failed; this one reaches it as it is and rolls the transaction back.
 */
@ApplicationException(rollback = true, inherited = true)
public final class DomainFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DomainFailure(DomainException cause) {
    super(cause.getMessage(), cause, false, false);
  }

  /** The domain's own exception. */
  public DomainException rule() {
    return (DomainException) getCause();
  }
}
