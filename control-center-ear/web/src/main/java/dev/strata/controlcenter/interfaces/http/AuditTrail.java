package dev.strata.controlcenter.interfaces.http;

import dev.strata.controlcenter.application.AuditService;
import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.interfaces.security.TokenOrBasicAuthentication;
import dev.strata.pool.identity.AuditEvent;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes every state-changing request to the audit trail once its answer is known: who (the
 * authenticated caller), what (the API operation and the id it acted on: the id a creation returned
 * in {@code Location}, or else the one the request named, see {@link #OPERATION} and {@link
 * #TARGET}), when, from where, and the status. It is the outermost filter, so refusals by the
 * {@link RequestGuard} are recorded too. Requests refused before any filter runs (no or bad
 * credentials) are recorded by the authentication mechanism.
 */
public class AuditTrail extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());
  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

  /**
   * Operations that are machine telemetry, not changes anyone decides: a node's heartbeat every
   * half minute would bury the trail (a refused one is still recorded, by the authentication).
   */
  private static final Set<String> TELEMETRY = Set.of("reportHeartbeat");

  /** Request attribute: the operation id of the API operation that handled the request. */
  public static final String OPERATION = AuditTrail.class.getName() + ".operation";

  /** Request attribute: the id of the object the operation acted on. */
  public static final String TARGET = AuditTrail.class.getName() + ".target";

  @Inject transient AuditService audit;
  @Inject transient Clock clock;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    if (!STATE_CHANGING.contains(req.getMethod())) {
      chain.doFilter(req, resp);
      return;
    }
    int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    try {
      chain.doFilter(req, resp);
      status = resp.getStatus();
    } finally {
      record(req, resp, status);
    }
  }

  private void record(HttpServletRequest req, HttpServletResponse resp, int status) {
    Optional<Caller> caller =
        req.getAttribute(TokenOrBasicAuthentication.CALLER) instanceof Caller c
            ? Optional.of(c)
            : Optional.empty();
    String operation =
        req.getAttribute(OPERATION) instanceof String op
            ? op
            : req.getMethod() + " " + req.getRequestURI();
    if (TELEMETRY.contains(operation) && status < 400) {
      return;
    }
    Optional<String> target =
        created(resp).or(() -> Optional.ofNullable((String) req.getAttribute(TARGET)));
    try {
      audit.record(
          AuditEvent.record(
              clock.instant(),
              caller.map(Caller::name),
              caller.flatMap(Caller::tenant),
              operation,
              target,
              req.getRemoteAddr(),
              status,
              null));
    } catch (RuntimeException e) {
      // The call itself has been answered; losing its audit line must at least be loud.
      LOG.log(Level.SEVERE, "could not record " + operation + " in the audit trail", e);
    }
  }

  /** The id a creation returned: the last segment of its {@code Location}. */
  private static Optional<String> created(HttpServletResponse resp) {
    String location = resp.getHeader("Location");
    if (location == null) {
      return Optional.empty();
    }
    String path = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    return Optional.of(path.substring(path.lastIndexOf('/') + 1));
  }
}
