package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.RepositoryObjectRepository;
import dev.strata.pool.TenantId;
import dev.strata.pool.catalog.RepositoryObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Tenants' repository objects in the JPA catalog. */
@ApplicationScoped
public class JpaRepositoryObjectRepository implements RepositoryObjectRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public Optional<RepositoryObject> find(TenantId tenant, String name) {
    return em.createQuery(
            "select o from RepositoryObject o where o.tenantId = :t and o.name = :n",
            RepositoryObject.class)
        .setParameter("t", tenant.value())
        .setParameter("n", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<RepositoryObject> list(TenantId tenant, String prefix, String after, int limit) {
    Jpa.Where where =
        new Jpa.Where()
            .and("o.tenantId = :t", "t", tenant.value())
            .and("o.name like :prefix escape '!'", "prefix", escape(prefix) + "%")
            .and("o.name > :after", "after", after);
    return where
        .bind(
            em.createQuery(
                "select o from RepositoryObject o" + where.clause() + " order by o.name",
                RepositoryObject.class))
        .setMaxResults(limit)
        .getResultList();
  }

  private static String escape(String prefix) {
    return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  @Override
  public void add(RepositoryObject object) {
    Jpa.persistNew(em, object, "repository object", object.name());
  }

  @Override
  public void delete(RepositoryObject object) {
    em.remove(object);
  }
}
