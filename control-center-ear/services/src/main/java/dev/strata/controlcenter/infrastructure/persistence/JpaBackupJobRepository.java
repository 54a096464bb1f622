package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.BackupJobRepository;
import dev.strata.controlcenter.application.PageRequest;
import dev.strata.pool.TenantId;
import dev.strata.pool.jobs.BackupJob;
import dev.strata.pool.jobs.BackupJobId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Backup jobs in the JPA catalog. */
@ApplicationScoped
public class JpaBackupJobRepository implements BackupJobRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public Optional<BackupJob> find(BackupJobId id) {
    return Optional.ofNullable(em.find(BackupJob.class, id.value()));
  }

  @Override
  public Optional<BackupJob> lock(BackupJobId id) {
    return Optional.ofNullable(
        em.find(BackupJob.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public void add(BackupJob job) {
    Jpa.persistNew(em, job, "backup job", job.id());
  }

  @Override
  public void remove(BackupJob job) {
    em.createQuery(
            "delete from JobRunEvent e where e.runId in"
                + " (select r.id from JobRun r where r.jobId = :job)")
        .setParameter("job", job.id().value())
        .executeUpdate();
    em.createQuery("delete from JobRun r where r.jobId = :job")
        .setParameter("job", job.id().value())
        .executeUpdate();
    em.remove(job);
  }

  @Override
  public List<BackupJob> list(Optional<TenantId> tenant, PageRequest page) {
    Jpa.Where where =
        new Jpa.Where()
            .and("j.tenantId = :tenant", "tenant", tenant.map(TenantId::value).orElse(null))
            .and("j.id > :after", "after", page.after());
    return where
        .bind(
            em.createQuery(
                "select j from BackupJob j" + where.clause() + " order by j.id", BackupJob.class))
        .setMaxResults(page.limit() + 1)
        .getResultList();
  }

  @Override
  public List<BackupJobId> due(Instant now, int limit) {
    return em.createQuery(
            "select j.id from BackupJob j where j.enabled = true and j.nextRunAt <= :now"
                + " order by j.nextRunAt",
            String.class)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultStream()
        .map(BackupJobId::of)
        .toList();
  }
}
