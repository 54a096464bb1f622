package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.PackRepository;
import dev.strata.pool.TenantId;
import dev.strata.pool.catalog.CopyState;
import dev.strata.pool.catalog.Pack;
import dev.strata.pool.catalog.PackHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tenants' packs in the JPA catalog. */
@ApplicationScoped
public class JpaPackRepository implements PackRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public Map<PackHash, Pack> find(TenantId tenant, Collection<PackHash> hashes) {
    Map<PackHash, Pack> out = new HashMap<>();
    if (hashes.isEmpty()) {
      return out;
    }
    em.createQuery("select p from Pack p where p.tenantId = :t and p.hash in :h", Pack.class)
        .setParameter("t", tenant.value())
        .setParameter("h", hashes.stream().map(PackHash::hex).toList())
        .getResultList()
        .forEach(p -> out.put(p.hash(), p));
    return out;
  }

  @Override
  public List<Pack> stored(TenantId tenant, String after, int limit) {
    Jpa.Where where =
        new Jpa.Where()
            .and("p.tenantId = :t", "t", tenant.value())
            .and("p.hash > :after", "after", after);
    String held =
        " exists (select c from PackCopy c where c.tenantId = p.tenantId and c.packHash = p.hash"
            + " and c.state in :held)";
    return where
        .bind(
            em.createQuery(
                "select p from Pack p" + where.clause() + " and" + held + " order by p.hash",
                Pack.class))
        .setParameter("held", List.of(CopyState.DURABLE, CopyState.VERIFIED, CopyState.SUSPECT))
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void add(Pack pack) {
    Jpa.persistNew(em, pack, "pack", pack.hash());
  }
}
