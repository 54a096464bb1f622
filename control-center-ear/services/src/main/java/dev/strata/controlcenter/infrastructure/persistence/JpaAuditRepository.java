package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.AuditFilter;
import dev.strata.controlcenter.application.AuditRepository;
import dev.strata.pool.TenantId;
import dev.strata.pool.identity.AuditEvent;
import dev.strata.pool.identity.PrincipalName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The audit trail in the JPA catalog: insert and select, nothing else. */
@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public void append(AuditEvent event) {
    em.persist(event);
  }

  @Override
  public List<AuditEvent> find(AuditFilter f, Long beforeId, int limit) {
    Jpa.Where where =
        new Jpa.Where()
            .and("e.id < :before", "before", beforeId)
            .and(
                "e.principalName = :principal",
                "principal",
                f.principal().map(PrincipalName::value).orElse(null))
            .and("e.tenantId = :tenant", "tenant", f.tenant().map(TenantId::value).orElse(null))
            .and("e.operation = :operation", "operation", f.operation().orElse(null))
            .and("e.targetId = :target", "target", f.targetId().orElse(null))
            .and("e.outcome = :outcome", "outcome", f.outcome().orElse(null))
            .and("e.at >= :from", "from", f.from().orElse(null))
            .and("e.at < :to", "to", f.to().orElse(null));
    return where
        .bind(
            em.createQuery(
                "select e from AuditEvent e" + where.clause() + " order by e.id desc",
                AuditEvent.class))
        .setMaxResults(limit + 1)
        .getResultList();
  }
}
