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
    return Jpa.page(
            em.createQuery(
                    "select t from StorageTarget t where (:after is null or t.id > :after)"
                        + " and (:dc is null or t.dataCenterId = :dc)"
                        + " and (:kind is null or t.kind = :kind)"
                        + " and (:state is null or t.state = :state) order by t.id",
                    StorageTarget.class)
                .setParameter("dc", query.dataCenter() == null ? null : query.dataCenter().value())
                .setParameter("kind", query.kind())
                .setParameter("state", query.state()),
            page)
        .getResultList();
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
