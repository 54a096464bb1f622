package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.PackCopyRepository;
import dev.strata.pool.TargetId;
import dev.strata.pool.TenantId;
import dev.strata.pool.catalog.CopyState;
import dev.strata.pool.catalog.PackCopy;
import dev.strata.pool.catalog.PackHash;
import dev.strata.pool.catalog.VerificationOutcome;
import dev.strata.pool.rank.VerificationTally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pack copies in the JPA catalog. */
@ApplicationScoped
public class JpaPackCopyRepository implements PackCopyRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public List<PackCopy> ofPacks(TenantId tenant, Collection<PackHash> packs) {
    if (packs.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select c from PackCopy c where c.tenantId = :tenant and c.packHash in :packs"
                + " order by c.id",
            PackCopy.class)
        .setParameter("tenant", tenant.value())
        .setParameter("packs", packs.stream().map(PackHash::hex).toList())
        .getResultList();
  }

  @Override
  public Map<TargetId, VerificationTally> verificationTallies(
      Collection<TargetId> targets, Instant since) {
    Map<TargetId, VerificationTally> out = new HashMap<>();
    if (targets.isEmpty()) {
      return out;
    }
    List<Object[]> rows =
        em.createQuery(
                "select c.targetId, count(c), sum(case when c.lastVerification <> :intact then 1"
                    + " else 0 end) from PackCopy c where c.targetId in :targets"
                    + " and c.lastVerifiedAt >= :since group by c.targetId",
                Object[].class)
            .setParameter("intact", VerificationOutcome.INTACT)
            .setParameter("targets", targets.stream().map(TargetId::value).toList())
            .setParameter("since", since)
            .getResultList();
    for (Object[] row : rows) {
      out.put(
          TargetId.of((String) row[0]),
          new VerificationTally(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
    }
    return out;
  }

  @Override
  public void add(PackCopy copy) {
    em.persist(copy);
    em.flush();
  }

  @Override
  public Optional<PackCopy> find(long id) {
    return Optional.ofNullable(em.find(PackCopy.class, id));
  }

  @Override
  public List<PackCopy> inStates(Collection<CopyState> states, int limit) {
    return em.createQuery(
            "select c from PackCopy c where c.state in :states order by c.updatedAt, c.id",
            PackCopy.class)
        .setParameter("states", states)
        .setMaxResults(limit)
        .getResultList();
  }
}
