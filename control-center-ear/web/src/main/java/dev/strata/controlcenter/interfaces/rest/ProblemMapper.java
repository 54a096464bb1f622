package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.DomainFailure;
import dev.strata.controlcenter.application.VersionConflictException;
import dev.strata.pool.AccessDeniedException;
import dev.strata.pool.DuplicateIdentityException;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.TransitionRefusedException;
import dev.strata.pool.UnavailableException;
import dev.strata.pool.UnknownIdentityException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that leaves a resource into a problem+json response: client errors name the
 * field at fault; server errors say nothing about internals but carry a reference that is also in
 * the log.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable e) {
    return problem(e).toResponse();
  }

  Problem problem(Throwable e) {
    String instance = uri == null ? null : uri.getRequestUri().getRawPath();
    if (e instanceof DomainFailure f) {
      return problem(f.rule());
    }
    if (e instanceof EJBException ejb) {
      Throwable cause =
          ejb.getCausedByException() != null ? ejb.getCausedByException() : ejb.getCause();
      if (cause != null && cause != e) {
        return problem(cause);
      }
    }
    if (e instanceof InvalidRequestException r) {
      return new Problem(
          Problem.INVALID_REQUEST, "Invalid request", 400, r.getMessage(), instance, r.errors());
    }
    if (e instanceof InvalidValueException v) {
      return new Problem(
          Problem.INVALID_REQUEST,
          "Invalid request",
          400,
          v.getMessage(),
          instance,
          List.of(new FieldError(v.field(), v.getMessage())));
    }
    if (e instanceof PayloadTooLargeException) {
      return new Problem(
          "urn:strata:problem:payload-too-large",
          "Payload too large",
          413,
          e.getMessage(),
          instance,
          null);
    }
    if (e instanceof UnavailableException) {
      return new Problem(
          "urn:strata:problem:unavailable", "Unavailable", 503, e.getMessage(), instance, null);
    }
    if (e instanceof AccessDeniedException) {
      return new Problem(Problem.FORBIDDEN, "Forbidden", 403, e.getMessage(), instance, null);
    }
    if (e instanceof UnknownIdentityException) {
      return new Problem(Problem.NOT_FOUND, "Not found", 404, e.getMessage(), instance, null);
    }
    if (e instanceof DuplicateIdentityException) {
      return new Problem(
          Problem.CONFLICT,
          "Already exists",
          409,
          e.getMessage(),
          instance,
          List.of(new FieldError("id", e.getMessage())));
    }
    if (e instanceof TransitionRefusedException) {
      return new Problem(
          Problem.CONFLICT,
          "Transition refused",
          409,
          e.getMessage(),
          instance,
          List.of(new FieldError("state", e.getMessage())));
    }
    if (e instanceof VersionConflictException) {
      return new Problem(
          Problem.VERSION_CONFLICT,
          "Version conflict",
          412,
          e.getMessage(),
          instance,
          List.of(new FieldError("If-Match", e.getMessage())));
    }
    if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
      Response.StatusType status = w.getResponse().getStatusInfo();
      return new Problem(
          null, status.getReasonPhrase(), status.getStatusCode(), e.getMessage(), instance, null);
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      // A concurrent update won at flush (the version column moved between read and write).
      if (c instanceof jakarta.persistence.OptimisticLockException
          || c.getClass().getName().equals("org.hibernate.StaleObjectStateException")
          || c.getClass().getName().equals("org.hibernate.StaleStateException")) {
        return new Problem(
            Problem.VERSION_CONFLICT,
            "Version conflict",
            412,
            "changed concurrently by another request; read it again and retry",
            instance,
            null);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    String ref = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "internal error " + ref + " at " + instance, e);
    return new Problem(
        Problem.INTERNAL,
        "Internal error",
        500,
        "the control center failed to handle this request; reference " + ref + " in its log",
        instance,
        null);
  }
}
