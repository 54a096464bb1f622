package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.AuditFilter;
import dev.strata.controlcenter.application.AuditRepository;
import dev.strata.pool.TenantId;
import dev.strata.pool.identity.AuditEvent;
import dev.strata.pool.identity.PrincipalName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    // Only the conditions asked for: PostgreSQL cannot type a bare "? is null" on every column.
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    condition(where, params, "e.id < :before", "before", beforeId);
    condition(
        where,
        params,
        "e.principalName = :principal",
        "principal",
        f.principal().map(PrincipalName::value).orElse(null));
    condition(
        where,
        params,
        "e.tenantId = :tenant",
        "tenant",
        f.tenant().map(TenantId::value).orElse(null));
    condition(where, params, "e.operation = :operation", "operation", f.operation().orElse(null));
    condition(where, params, "e.targetId = :target", "target", f.targetId().orElse(null));
    condition(where, params, "e.outcome = :outcome", "outcome", f.outcome().orElse(null));
    condition(where, params, "e.at >= :from", "from", f.from().orElse(null));
    condition(where, params, "e.at < :to", "to", f.to().orElse(null));
    String jpql =
        "select e from AuditEvent e"
            + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
            + " order by e.id desc";
    TypedQuery<AuditEvent> q = em.createQuery(jpql, AuditEvent.class);
    params.forEach(q::setParameter);
    return q.setMaxResults(limit + 1).getResultList();
  }

  private static void condition(
      List<String> where, Map<String, Object> params, String clause, String name, Object value) {
    if (value != null) {
      where.add(clause);
      params.put(name, value);
    }
  }
}
