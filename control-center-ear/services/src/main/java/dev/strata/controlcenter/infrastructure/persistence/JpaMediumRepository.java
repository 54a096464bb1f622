package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.MediumRepository;
import dev.strata.controlcenter.application.PageRequest;
import dev.strata.pool.TargetId;
import dev.strata.pool.catalog.Medium;
import dev.strata.pool.catalog.MediumId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Media in the JPA catalog. */
@ApplicationScoped
public class JpaMediumRepository implements MediumRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public Optional<Medium> find(MediumId id) {
    return Optional.ofNullable(em.find(Medium.class, id.value()));
  }

  @Override
  public List<Medium> list(Optional<TargetId> target, PageRequest page) {
    Jpa.Where where =
        new Jpa.Where()
            .and("m.id > :after", "after", page.after())
            .and("m.targetId = :target", "target", target.map(TargetId::value).orElse(null));
    return where
        .bind(
            em.createQuery(
                "select m from Medium m" + where.clause() + " order by m.id", Medium.class))
        .setMaxResults(page.limit() + 1)
        .getResultList();
  }

  @Override
  public void add(Medium medium) {
    Jpa.persistNew(em, medium, "medium", medium.id());
  }
}
