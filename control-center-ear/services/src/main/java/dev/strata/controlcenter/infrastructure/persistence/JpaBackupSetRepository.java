package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.BackupSetRepository;
import dev.strata.controlcenter.application.PageRequest;
import dev.strata.pool.TenantId;
import dev.strata.pool.catalog.BackupSet;
import dev.strata.pool.catalog.BackupSetId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Backup sets in the JPA catalog. */
@ApplicationScoped
public class JpaBackupSetRepository implements BackupSetRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public Optional<BackupSet> find(BackupSetId id) {
    return Optional.ofNullable(em.find(BackupSet.class, id.value()));
  }

  @Override
  public List<BackupSet> list(Optional<TenantId> tenant, PageRequest page) {
    Jpa.Where where =
        new Jpa.Where()
            .and("s.id > :after", "after", page.after())
            .and("s.tenantId = :tenant", "tenant", tenant.map(TenantId::value).orElse(null));
    return where
        .bind(
            em.createQuery(
                "select s from BackupSet s" + where.clause() + " order by s.id", BackupSet.class))
        .setMaxResults(page.limit() + 1)
        .getResultList();
  }

  @Override
  public void add(BackupSet set) {
    Jpa.persistNew(em, set, "backup set", set.id());
  }
}
