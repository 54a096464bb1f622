package dev.strata.controlcenter.interfaces.security;

import dev.strata.controlcenter.application.AuditService;
import dev.strata.controlcenter.application.Caller;
import dev.strata.pool.identity.ApiKeyToken;
import dev.strata.pool.identity.AuditEvent;
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
 * naming the key id or user name tried — never a secret.
 */
@ApplicationScoped
public class TokenOrBasicAuthentication implements HttpAuthenticationMechanism {
  /** The request attribute that carries the authenticated {@link Caller}. */
  public static final String CALLER = Caller.class.getName();

  private static final Logger LOG = Logger.getLogger(TokenOrBasicAuthentication.class.getName());
  private static final Set<String> PUBLIC =
      Set.of("/health", "/health/live", "/health/ready", "/openapi", "/openapi/", "/error");
  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

  @Inject IdentityStoreHandler identityStore;
  @Inject AuditService audit;
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
    CredentialValidationResult result = identityStore.validate(attempt.get().credential());
    if (result.getStatus() == CredentialValidationResult.Status.VALID
        && result.getCallerPrincipal() instanceof StrataPrincipal principal) {
      request.setAttribute(CALLER, principal.caller());
      return context.notifyContainerAboutLogin(result);
    }
    return refuse(
        request,
        response,
        context,
        "the credentials are not valid",
        Optional.of(attempt.get().who()));
  }

  /** A credential and who it claims to be (a key id or a user name: never a secret). */
  private record Attempt(Credential credential, String who) {}

  private static Optional<Attempt> parse(String header) {
    int space = header.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
    String value = header.substring(space + 1).strip();
    if (scheme.equals("bearer")) {
      return ApiKeyToken.parse(value)
          .map(t -> new Attempt(new ApiKeyCredential(t), "key " + t.keyId()));
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
      return Optional.of(
          new Attempt(
              new UsernamePasswordCredential(user, decoded.substring(colon + 1)),
              "user '" + user.replaceAll("[^\\p{Graph}]", "?") + "'"));
    }
    return Optional.empty();
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
      try {
        audit.record(
            AuditEvent.record(
                clock.instant(),
                Optional.empty(),
                Optional.empty(),
                request.getMethod() + " " + request.getRequestURI(),
                Optional.empty(),
                request.getRemoteAddr(),
                HttpServletResponse.SC_UNAUTHORIZED,
                why + who.map(w -> " (" + w + ")").orElse("")));
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "could not record a refused request in the audit trail", e);
      }
    }
    return context.responseUnauthorized();
  }
}
