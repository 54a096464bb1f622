package dev.strata.controlcenter.application;

import dev.strata.pool.ProbeResult;
import dev.strata.pool.TargetId;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stored history of probe results; each record is its own short transaction. */
@Stateless
@Interceptors(DomainRules.class)
public class ProbeLedger {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  public ProbeResult record(ProbeResult result) {
    em.persist(result);
    return result;
  }

  /** Deletes every result taken before {@code cutoff}. */
  public int forgetBefore(java.time.Instant cutoff) {
    return em.createQuery("delete from ProbeResult p where p.probedAt < :cutoff")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }

  /** Newest first; {@code beforeId} pages backwards (exclusive), {@code null} for the newest. */
  public List<ProbeResult> history(TargetId target, int limit, Long beforeId) {
    String jpql =
        "select p from ProbeResult p where p.targetId = :t"
            + (beforeId == null ? "" : " and p.id < :before")
            + " order by p.id desc";
    var q =
        em.createQuery(jpql, ProbeResult.class)
            .setParameter("t", target.value())
            .setMaxResults(limit);
    if (beforeId != null) {
      q.setParameter("before", beforeId);
    }
    return q.getResultList();
  }

  /** The newest result of each of the given targets that has one. */
  public Map<TargetId, ProbeResult> latest(Collection<TargetId> targets) {
    Map<TargetId, ProbeResult> out = new HashMap<>();
    if (targets.isEmpty()) {
      return out;
    }
    List<String> ids = targets.stream().map(TargetId::value).toList();
    em.createQuery(
            "select p from ProbeResult p where p.id in (select max(q.id) from ProbeResult q"
                + " where q.targetId in :ids group by q.targetId)",
            ProbeResult.class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(p -> out.put(p.targetId(), p));
    return out;
  }
}
