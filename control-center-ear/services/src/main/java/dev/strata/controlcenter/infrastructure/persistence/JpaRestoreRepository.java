package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.PageRequest;
import dev.strata.controlcenter.application.RestoreRepository;
import dev.strata.pool.TenantId;
import dev.strata.pool.identity.PrincipalName;
import dev.strata.pool.restore.Restore;
import dev.strata.pool.restore.RestoreEvent;
import dev.strata.pool.restore.RestoreId;
import dev.strata.pool.restore.RestoreState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Restores in the JPA catalog. */
@ApplicationScoped
public class JpaRestoreRepository implements RestoreRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public Optional<Restore> find(RestoreId id) {
    return Optional.ofNullable(em.find(Restore.class, id.hex()));
  }

  @Override
  public Optional<Restore> lock(RestoreId id) {
    return Optional.ofNullable(em.find(Restore.class, id.hex(), LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public void add(Restore restore, List<RestoreEvent> events) {
    Jpa.persistNew(em, restore, "restore", restore.id());
    events.forEach(em::persist);
  }

  @Override
  public void addEvent(RestoreEvent event) {
    em.persist(event);
  }

  @Override
  public List<Restore> list(
      Optional<TenantId> tenant,
      Optional<PrincipalName> agent,
      Optional<RestoreState> state,
      PageRequest page) {
    Jpa.Where where =
        new Jpa.Where()
            .and("r.tenantId = :tenant", "tenant", tenant.map(TenantId::value).orElse(null))
            .and("r.agent = :agent", "agent", agent.map(PrincipalName::value).orElse(null))
            .and("r.state = :state", "state", state.orElse(null))
            .and("r.id < :after", "after", page.after());
    return where
        .bind(
            em.createQuery(
                "select r from Restore r" + where.clause() + " order by r.id desc", Restore.class))
        .setMaxResults(page.limit() + 1)
        .getResultList();
  }

  @Override
  public List<Restore> inState(RestoreState state, int limit) {
    return em.createQuery(
            "select r from Restore r where r.state = :state order by r.id", Restore.class)
        .setParameter("state", state)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public Optional<String> lastEventMessage(RestoreId restore) {
    return em.createQuery(
            "select e.message from RestoreEvent e where e.restoreId = :restore"
                + " order by e.sequence desc",
            String.class)
        .setParameter("restore", restore.hex())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<RestoreEvent> events(RestoreId restore, long afterSequence, int limit) {
    return em.createQuery(
            "select e from RestoreEvent e where e.restoreId = :restore and e.sequence > :after"
                + " order by e.sequence",
            RestoreEvent.class)
        .setParameter("restore", restore.hex())
        .setParameter("after", afterSequence)
        .setMaxResults(limit)
        .getResultList();
  }
}
