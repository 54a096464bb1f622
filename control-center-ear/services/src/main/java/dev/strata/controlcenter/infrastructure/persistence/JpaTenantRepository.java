package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.PageRequest;
import dev.strata.controlcenter.application.TenantRepository;
import dev.strata.pool.TenantId;
import dev.strata.pool.identity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Tenants in the JPA catalog. */
@ApplicationScoped
public class JpaTenantRepository implements TenantRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public Optional<Tenant> find(TenantId id) {
    return Optional.ofNullable(em.find(Tenant.class, id.value()));
  }

  @Override
  public List<Tenant> list(PageRequest page) {
    return Jpa.page(
            em.createQuery(
                "select t from Tenant t where (:after is null or t.id > :after) order by t.id",
                Tenant.class),
            page)
        .getResultList();
  }

  @Override
  public void add(Tenant tenant) {
    Jpa.persistNew(em, tenant, "tenant", tenant.id());
  }
}
