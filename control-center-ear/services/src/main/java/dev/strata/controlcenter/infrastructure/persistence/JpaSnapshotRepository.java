package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.PageRequest;
import dev.strata.controlcenter.application.SnapshotRepository;
import dev.strata.pool.catalog.BackupSetId;
import dev.strata.pool.catalog.Snapshot;
import dev.strata.pool.catalog.SnapshotId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Snapshots in the JPA catalog. */
@ApplicationScoped
public class JpaSnapshotRepository implements SnapshotRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public Optional<Snapshot> find(SnapshotId id) {
    return Optional.ofNullable(em.find(Snapshot.class, id.hex()));
  }

  @Override
  public List<Snapshot> of(BackupSetId set, PageRequest page) {
    Jpa.Where where =
        new Jpa.Where()
            .and("s.backupSetId = :set", "set", set.value())
            .and(
                "s.sequence < :before",
                "before",
                page.after() == null ? null : Long.valueOf(page.after()));
    return where
        .bind(
            em.createQuery(
                "select s from Snapshot s" + where.clause() + " order by s.sequence desc",
                Snapshot.class))
        .setMaxResults(page.limit() + 1)
        .getResultList();
  }

  @Override
  public List<Snapshot> after(String afterId, int limit) {
    return em.createQuery(
            "select s from Snapshot s where s.id > :after order by s.id", Snapshot.class)
        .setParameter("after", afterId == null ? "" : afterId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void add(Snapshot snapshot) {
    Jpa.persistNew(em, snapshot, "snapshot", snapshot.id());
  }
}
