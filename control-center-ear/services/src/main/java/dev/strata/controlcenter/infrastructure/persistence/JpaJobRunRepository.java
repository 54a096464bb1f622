package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.JobRunRepository;
import dev.strata.controlcenter.application.PageRequest;
import dev.strata.pool.identity.PrincipalName;
import dev.strata.pool.jobs.BackupJobId;
import dev.strata.pool.jobs.JobRun;
import dev.strata.pool.jobs.JobRunEvent;
import dev.strata.pool.jobs.JobRunId;
import dev.strata.pool.jobs.JobRunState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Job runs in the JPA catalog. */
@ApplicationScoped
public class JpaJobRunRepository implements JobRunRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public Optional<JobRun> find(JobRunId id) {
    return Optional.ofNullable(em.find(JobRun.class, id.hex()));
  }

  @Override
  public Optional<JobRun> lock(JobRunId id) {
    return Optional.ofNullable(em.find(JobRun.class, id.hex(), LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public void add(JobRun run, List<JobRunEvent> events) {
    Jpa.persistNew(em, run, "job run", run.id());
    events.forEach(em::persist);
  }

  @Override
  public void addEvent(JobRunEvent event) {
    em.persist(event);
  }

  @Override
  public List<JobRun> ofJob(BackupJobId job, PageRequest page) {
    Jpa.Where where =
        new Jpa.Where()
            .and("r.jobId = :job", "job", job.value())
            .and("r.id < :after", "after", page.after());
    return where
        .bind(
            em.createQuery(
                "select r from JobRun r" + where.clause() + " order by r.id desc", JobRun.class))
        .setMaxResults(page.limit() + 1)
        .getResultList();
  }

  @Override
  public Optional<JobRun> nextQueued(PrincipalName agent) {
    // The id of the oldest first, then that row locked and checked again: a concurrent poll that
    // claimed it meanwhile leaves it no longer queued.
    List<String> ids =
        em.createQuery(
                "select r.id from JobRun r where r.agent = :agent and r.state = :queued"
                    + " order by r.scheduledFor, r.id",
                String.class)
            .setParameter("agent", agent.value())
            .setParameter("queued", JobRunState.QUEUED)
            .setMaxResults(5)
            .getResultList();
    for (String id : ids) {
      JobRun r = em.find(JobRun.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (r != null) {
        em.refresh(r);
        if (r.state() == JobRunState.QUEUED) {
          return Optional.of(r);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean hasQueued(PrincipalName agent) {
    return !em.createQuery(
            "select r.id from JobRun r where r.agent = :agent and r.state = :queued", String.class)
        .setParameter("agent", agent.value())
        .setParameter("queued", JobRunState.QUEUED)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public List<JobRunId> overdue(Instant now, int limit) {
    return em.createQuery(
            "select r.id from JobRun r where r.state = :queued and r.claimBy < :now"
                + " order by r.claimBy",
            String.class)
        .setParameter("queued", JobRunState.QUEUED)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultStream()
        .map(JobRunId::of)
        .toList();
  }

  @Override
  public List<JobRunEvent> events(JobRunId run, long afterSequence, int limit) {
    return em.createQuery(
            "select e from JobRunEvent e where e.runId = :run and e.sequence > :after"
                + " order by e.sequence",
            JobRunEvent.class)
        .setParameter("run", run.hex())
        .setParameter("after", afterSequence)
        .setMaxResults(limit)
        .getResultList();
  }
}
