package dev.strata.controlcenter.application;

import dev.strata.pool.TenantId;
import dev.strata.pool.identity.AuditOutcome;
import dev.strata.pool.identity.PrincipalName;
import java.time.Instant;
import java.util.Optional;

/** What to read of the audit trail; an empty part matches everything. */
public record AuditFilter(
    Optional<PrincipalName> principal,
    Optional<TenantId> tenant,
    Optional<String> operation,
    Optional<String> targetId,
    Optional<AuditOutcome> outcome,
    Optional<Instant> from,
    Optional<Instant> to) {
  public static final AuditFilter ALL =
      new AuditFilter(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
}
