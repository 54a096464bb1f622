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
    return em.createQuery(
            "select e from AuditEvent e where (:before is null or e.id < :before)"
                + " and (:principal is null or e.principalName = :principal)"
                + " and (:tenant is null or e.tenantId = :tenant)"
                + " and (:operation is null or e.operation = :operation)"
                + " and (:target is null or e.targetId = :target)"
                + " and (:outcome is null or e.outcome = :outcome)"
                + " and (:from is null or e.at >= :from)"
                + " and (:to is null or e.at < :to)"
                + " order by e.id desc",
            AuditEvent.class)
        .setParameter("before", beforeId)
        .setParameter("principal", f.principal().map(PrincipalName::value).orElse(null))
        .setParameter("tenant", f.tenant().map(TenantId::value).orElse(null))
        .setParameter("operation", f.operation().orElse(null))
        .setParameter("target", f.targetId().orElse(null))
        .setParameter("outcome", f.outcome().orElse(null))
        .setParameter("from", f.from().orElse(null))
        .setParameter("to", f.to().orElse(null))
        .setMaxResults(limit + 1)
        .getResultList();
  }
}
