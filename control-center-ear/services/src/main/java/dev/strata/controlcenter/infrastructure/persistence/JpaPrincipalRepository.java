package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.PageRequest;
import dev.strata.controlcenter.application.PrincipalRepository;
import dev.strata.pool.TenantId;
import dev.strata.pool.identity.Principal;
import dev.strata.pool.identity.PrincipalName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Principals in the JPA catalog. */
@ApplicationScoped
public class JpaPrincipalRepository implements PrincipalRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public Optional<Principal> find(PrincipalName name) {
    return Optional.ofNullable(em.find(Principal.class, name.value()));
  }

  @Override
  public List<Principal> list(Optional<TenantId> tenant, PageRequest page) {
    return Jpa.page(
            em.createQuery(
                    "select p from Principal p where (:after is null or p.name > :after)"
                        + " and (:tenant is null or p.tenantId = :tenant) order by p.name",
                    Principal.class)
                .setParameter("tenant", tenant.map(TenantId::value).orElse(null)),
            page)
        .getResultList();
  }

  @Override
  public boolean isEmpty() {
    return em.createQuery("select count(p) from Principal p", Long.class).getSingleResult() == 0;
  }

  @Override
  public void add(Principal principal) {
    Jpa.persistNew(em, principal, "principal", principal.name());
  }
}
