package dev.strata.controlcenter.interfaces.security;

import dev.strata.controlcenter.application.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;

/**
 * Makes the authenticated {@link Caller} of the current request injectable, so that every resource
 * hands it to the application service it calls.
 */
@ApplicationScoped
public class CallerProducer {

  @Inject HttpServletRequest request;

  @Produces
  @Dependent
  Caller caller() {
    if (request.getAttribute(TokenOrBasicAuthentication.CALLER) instanceof Caller c) {
      return c;
    }
    throw new NotAuthorizedException("Bearer realm=\"strata\"");
  }
}
