package dev.strata.controlcenter.interfaces.security;

import dev.strata.controlcenter.application.AuditService;
import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.LoginThrottle;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.StorageNode;
import dev.strata.pool.identity.ApiKeyToken;
import dev.strata.pool.identity.AuditEvent;
import dev.strata.pool.identity.PrincipalName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Authenticates every request to the control center: {@code Authorization: Bearer <API key>} for
 * agents, applications and scripts, HTTP Basic for people. Only {@code /health} (which tells
 * nothing but up or down), {@code /openapi} (the API's public description) and the error page
 * answer without credentials. A refused state-changing request is written to the audit trail,
 * naming the key id or user name tried — never a secret. Passwords are throttled by {@link
 * LoginThrottle}: while a name or an address must wait, its passwords are refused with 429
 * unchecked.
 */
@ApplicationScoped
public class TokenOrBasicAuthentication implements HttpAuthenticationMechanism {
  /** The request attribute that carries the authenticated {@link Caller}. */
  public static final String CALLER = Caller.class.getName();

  private static final Logger LOG = Logger.getLogger(TokenOrBasicAuthentication.class.getName());
  private static final Set<String> PUBLIC =
      Set.of(
          "/health",
          "/health/live",
          "/health/ready",
          "/openapi",
          "/openapi/",
          "/error",
          // a node enrolling proves itself with the one-time token in its body
          "/api/v1/node-enrolments");
  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

  /**
   * Whether requests to {@code path} (a request URI, or a path of the OpenAPI document) are
   * answered without credentials. The API document declares exactly these operations public.
   */
  public static boolean isPublic(String path) {
    return PUBLIC.contains(path);
  }

  /** The operation under which the audit trail records that logins are being throttled. */
  public static final String THROTTLE_OPERATION = "throttleLogins";

  private static final int TOO_MANY_REQUESTS = 429;

  @Inject IdentityStoreHandler identityStore;
  @Inject AuditService audit;
  @Inject LoginThrottle throttle;
  @Inject Clock clock;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header == null || header.isBlank()) {
      if (PUBLIC.contains(request.getRequestURI())) {
        return context.doNothing();
      }
      return refuse(request, response, context, "credentials are required", Optional.empty());
    }
    Optional<Attempt> attempt = parse(header.strip());
    if (attempt.isEmpty()) {
      return refuse(
          request,
          response,
          context,
          "the Authorization header is neither 'Bearer <API key>' nor HTTP Basic",
          Optional.empty());
    }
    Optional<PrincipalName> user = attempt.get().user();
    boolean password = attempt.get().credential() instanceof UsernamePasswordCredential;
    if (password) {
      Optional<Duration> wait = throttle.mustWait(user, request.getRemoteAddr());
      if (wait.isPresent()) {
        return throttled(request, response, wait.get(), attempt.get().who());
      }
    }
    CredentialValidationResult result = identityStore.validate(attempt.get().credential());
    if (result.getStatus() == CredentialValidationResult.Status.VALID
        && result.getCallerPrincipal() instanceof StrataPrincipal principal) {
      if (password) {
        throttle.succeeded(principal.caller().name());
      }
      request.setAttribute(CALLER, principal.caller());
      return context.notifyContainerAboutLogin(result);
    }
    if (password) {
      throttle
          .failed(user, request.getRemoteAddr())
          .ifPresent(wait -> recordThrottling(request, attempt.get().who(), wait));
    }
    return refuse(
        request,
        response,
        context,
        "the credentials are not valid",
        Optional.of(attempt.get().who()));
  }

  /**
   * A credential, who it claims to be (a key id or a user name: never a secret) and, for a
   * password, the principal name it was sent for (empty when the name is not even valid).
   */
  private record Attempt(Credential credential, String who, Optional<PrincipalName> user) {}

  private static Optional<Attempt> parse(String header) {
    int space = header.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
    String value = header.substring(space + 1).strip();
    if (scheme.equals("bearer")) {
      Optional<Attempt> key =
          ApiKeyToken.parse(value)
              .map(t -> new Attempt(new ApiKeyCredential(t), "key " + t.keyId(), Optional.empty()));
      return key.or(
          () ->
              StorageNode.parseCredential(value)
                  .map(
                      c ->
                          new Attempt(
                              new NodeCredential(value), "node " + c.getKey(), Optional.empty())));
    }
    if (scheme.equals("basic")) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return Optional.empty();
      }
      String user = decoded.substring(0, colon);
      Optional<PrincipalName> name;
      try {
        name = Optional.of(PrincipalName.of(user));
      } catch (InvalidValueException notAName) {
        name = Optional.empty();
      }
      return Optional.of(
          new Attempt(
              new UsernamePasswordCredential(user, decoded.substring(colon + 1)),
              "user '" + user.replaceAll("[^\\p{Graph}]", "?") + "'",
              name));
    }
    return Optional.empty();
  }

  /**
   * Refuses a password without checking it, because its name or address failed too often (see
   * {@link LoginThrottle}): 429 with {@code Retry-After}.
   */
  private AuthenticationStatus throttled(
      HttpServletRequest request, HttpServletResponse response, Duration wait, String who) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    String why =
        "too many failed logins for this name or from this address; no password is checked for the"
            + " next "
            + seconds
            + " s";
    response.setHeader("Retry-After", Long.toString(seconds));
    request.setAttribute(Unauthorized.REASON, why);
    if (STATE_CHANGING.contains(request.getMethod())) {
      record(request, TOO_MANY_REQUESTS, why + " (" + who + ")");
    }
    try {
      response.sendError(TOO_MANY_REQUESTS, "Too Many Requests");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  /**
   * Writes to the audit trail that a failure made a name or an address wait, whatever the request's
   * method: a password guesser is news for an auditor even when it only reads.
   */
  private void recordThrottling(HttpServletRequest request, String who, Duration wait) {
    try {
      audit.record(
          AuditEvent.record(
              clock.instant(),
              Optional.empty(),
              Optional.empty(),
              THROTTLE_OPERATION,
              Optional.empty(),
              request.getRemoteAddr(),
              TOO_MANY_REQUESTS,
              "failed logins (last: "
                  + who
                  + "); passwords for that name or from that address wait "
                  + Math.max(1, wait.toSeconds())
                  + " s before they are checked"));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "could not record throttled logins in the audit trail", e);
    }
  }

  private AuthenticationStatus refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      String why,
      Optional<String> who) {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"strata\"");
    request.setAttribute(Unauthorized.REASON, why);
    if (STATE_CHANGING.contains(request.getMethod())) {
      record(
          request,
          HttpServletResponse.SC_UNAUTHORIZED,
          why + who.map(w -> " (" + w + ")").orElse(""));
    }
    return context.responseUnauthorized();
  }

  /** Writes a refused state-changing request to the audit trail. */
  private void record(HttpServletRequest request, int status, String detail) {
    try {
      audit.record(
          AuditEvent.record(
              clock.instant(),
              Optional.empty(),
              Optional.empty(),
              request.getMethod() + " " + request.getRequestURI(),
              Optional.empty(),
              request.getRemoteAddr(),
              status,
              detail));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "could not record a refused request in the audit trail", e);
    }
  }
}
