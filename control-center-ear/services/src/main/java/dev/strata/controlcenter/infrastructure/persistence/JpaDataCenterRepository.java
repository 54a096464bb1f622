package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.DataCenterRepository;
import dev.strata.controlcenter.application.PageRequest;
import dev.strata.pool.DataCenter;
import dev.strata.pool.DataCenterId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Data centers in the JPA catalog. */
@ApplicationScoped
public class JpaDataCenterRepository implements DataCenterRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public Optional<DataCenter> find(DataCenterId id) {
    return Optional.ofNullable(em.find(DataCenter.class, id.value()));
  }

  @Override
  public List<DataCenter> list(PageRequest page) {
    return Jpa.page(
            em.createQuery(
                "select d from DataCenter d where (:after is null or d.id > :after) order by d.id",
                DataCenter.class),
            page)
        .getResultList();
  }

  @Override
  public boolean isEmpty() {
    return em.createQuery("select count(d) from DataCenter d", Long.class).getSingleResult() == 0;
  }

  @Override
  public void add(DataCenter dc) {
    Jpa.persistNew(em, dc, "data center", dc.id());
  }

  @Override
  public void flush() {
    em.flush();
  }
}
