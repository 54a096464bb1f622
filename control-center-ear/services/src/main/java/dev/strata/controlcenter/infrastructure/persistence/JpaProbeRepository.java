package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.ProbeRepository;
import dev.strata.pool.ProbeResult;
import dev.strata.pool.TargetId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Probe history in the JPA catalog. */
@ApplicationScoped
public class JpaProbeRepository implements ProbeRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public void add(ProbeResult result) {
    em.persist(result);
  }

  @Override
  public List<ProbeResult> history(TargetId target, int limit, Long beforeId) {
    return em.createQuery(
            "select p from ProbeResult p where p.targetId = :t"
                + " and (:before is null or p.id < :before) order by p.id desc",
            ProbeResult.class)
        .setParameter("t", target.value())
        .setParameter("before", beforeId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public Map<TargetId, ProbeResult> latest(Collection<TargetId> targets) {
    Map<TargetId, ProbeResult> out = new HashMap<>();
    if (targets.isEmpty()) {
      return out;
    }
    em.createQuery(
            "select p from ProbeResult p where p.id in (select max(q.id) from ProbeResult q"
                + " where q.targetId in :ids group by q.targetId)",
            ProbeResult.class)
        .setParameter("ids", targets.stream().map(TargetId::value).toList())
        .getResultList()
        .forEach(p -> out.put(p.targetId(), p));
    return out;
  }

  @Override
  public List<ProbeResult> since(Collection<TargetId> targets, Instant since) {
    if (targets.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select p from ProbeResult p where p.targetId in :ids and p.probedAt >= :since"
                + " order by p.id",
            ProbeResult.class)
        .setParameter("ids", targets.stream().map(TargetId::value).toList())
        .setParameter("since", since)
        .getResultList();
  }

  @Override
  public int deleteBefore(Instant cutoff) {
    return em.createQuery("delete from ProbeResult p where p.probedAt < :cutoff")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }
}
