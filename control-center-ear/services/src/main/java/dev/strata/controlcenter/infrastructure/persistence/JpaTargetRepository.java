package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.PageRequest;
import dev.strata.controlcenter.application.TargetQuery;
import dev.strata.controlcenter.application.TargetRepository;
import dev.strata.pool.DataCenterId;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.TargetState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage targets in the JPA catalog. */
@ApplicationScoped
public class JpaTargetRepository implements TargetRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public Optional<StorageTarget> find(TargetId id) {
    return Optional.ofNullable(em.find(StorageTarget.class, id.value()));
  }

  @Override
  public List<StorageTarget> list(TargetQuery query, PageRequest page) {
    return filtered(query, page.after()).setMaxResults(page.limit() + 1).getResultList();
  }

  /** Only the conditions asked for (PostgreSQL cannot type a bare "? is null"). */
  private TypedQuery<StorageTarget> filtered(TargetQuery query, String after) {
    Jpa.Where where = new Jpa.Where();
    where.and("t.id > :after", "after", after);
    where.and(
        "t.dataCenterId = :dc",
        "dc",
        query.dataCenter() == null ? null : query.dataCenter().value());
    where.and("t.kind = :kind", "kind", query.kind());
    where.and("t.state = :state", "state", query.state());
    return where.bind(
        em.createQuery(
            "select t from StorageTarget t" + where.clause() + " order by t.id",
            StorageTarget.class));
  }

  @Override
  public List<StorageTarget> all(TargetQuery query) {
    return filtered(query, null).getResultList();
  }

  @Override
  public List<StorageTarget> inDataCenters(Collection<DataCenterId> dataCenters) {
    if (dataCenters.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select t from StorageTarget t where t.dataCenterId in :dcs order by t.id",
            StorageTarget.class)
        .setParameter("dcs", dataCenters.stream().map(DataCenterId::value).toList())
        .getResultList();
  }

  @Override
  public List<StorageTarget> probed() {
    return em.createQuery(
            "select t from StorageTarget t where t.state <> :retired order by t.id",
            StorageTarget.class)
        .setParameter("retired", TargetState.RETIRED)
        .getResultList();
  }

  @Override
  public void add(StorageTarget target) {
    Jpa.persistNew(em, target, "storage target", target.id());
  }

  @Override
  public void flush() {
    em.flush();
  }
}
