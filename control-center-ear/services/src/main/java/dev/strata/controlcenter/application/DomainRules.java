package dev.strata.controlcenter.application;

import dev.strata.pool.DomainException;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * Interceptor of every application service: domain rule violations leave as {@link DomainFailure}.
 */
public class DomainRules {

  @AroundInvoke
  Object translate(InvocationContext call) throws Exception {
    try {
      return call.proceed();
    } catch (DomainException e) {
      throw new DomainFailure(e);
    }
  }
}
