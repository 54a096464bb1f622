package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.IssuedKey;
import dev.strata.pool.TenantId;
import dev.strata.pool.identity.ApiKey;
import dev.strata.pool.identity.AuditEvent;
import dev.strata.pool.identity.AuditOutcome;
import dev.strata.pool.identity.Principal;
import dev.strata.pool.identity.PrincipalKind;
import dev.strata.pool.identity.PrincipalName;
import dev.strata.pool.identity.Role;
import dev.strata.pool.identity.Tenant;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's views of tenants, principals, keys and audit events. */
public final class IdentityViews {
  private IdentityViews() {}

  @Schema(name = "Tenant")
  public record TenantView(String id, String name, Instant createdAt) {
    static TenantView of(Tenant t) {
      return new TenantView(t.id().value(), t.name(), t.createdAt());
    }
  }

  @Schema(name = "TenantPage")
  public record TenantPage(List<TenantView> items, String next) {}

  @Schema(name = "Principal")
  public record PrincipalView(
      String name,
      PrincipalKind kind,
      Role role,
      String tenant,
      boolean hasPassword,
      boolean active,
      Instant createdAt,
      Instant disabledAt) {
    static PrincipalView of(Principal p) {
      return new PrincipalView(
          p.name().value(),
          p.kind(),
          p.role(),
          p.tenant().map(TenantId::value).orElse(null),
          p.passwordHash().isPresent(),
          p.active(),
          p.createdAt(),
          p.disabledAt().orElse(null));
    }
  }

  @Schema(name = "PrincipalPage")
  public record PrincipalPage(List<PrincipalView> items, String next) {}

  @Schema(name = "Caller", description = "Who the credentials sent belong to")
  public record CallerView(String name, Role role, String tenant) {
    static CallerView of(Caller c) {
      return new CallerView(
          c.name().value(), c.role(), c.tenant().map(TenantId::value).orElse(null));
    }
  }

  @Schema(name = "ApiKey", description = "An API key, without its secret")
  public record KeyView(
      String id,
      String owner,
      String label,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {
    static KeyView of(ApiKey k) {
      return new KeyView(
          k.id(),
          k.owner().value(),
          k.label().orElse(null),
          k.createdAt(),
          k.lastUsedAt().orElse(null),
          k.revokedAt().orElse(null));
    }
  }

  @Schema(
      name = "IssuedKey",
      description = "A key just issued: the token is shown this once and never stored")
  public record IssuedKeyView(KeyView key, String token) {
    static IssuedKeyView of(IssuedKey k) {
      return new IssuedKeyView(KeyView.of(k.key()), k.token());
    }
  }

  @Schema(name = "AuditEvent")
  public record AuditEventView(
      long id,
      Instant at,
      String principal,
      String tenant,
      String operation,
      String targetId,
      String remoteAddress,
      AuditOutcome outcome,
      int status,
      String detail) {
    static AuditEventView of(AuditEvent e) {
      return new AuditEventView(
          e.id(),
          e.at(),
          e.principal().map(PrincipalName::value).orElse(null),
          e.tenant().map(TenantId::value).orElse(null),
          e.operation(),
          e.targetId().orElse(null),
          e.remoteAddress(),
          e.outcome(),
          e.status(),
          e.detail().orElse(null));
    }
  }

  @Schema(name = "AuditPage")
  public record AuditPage(List<AuditEventView> items, String next) {}
}
