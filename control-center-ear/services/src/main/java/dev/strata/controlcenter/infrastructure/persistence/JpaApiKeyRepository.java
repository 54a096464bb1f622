package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.ApiKeyRepository;
import dev.strata.pool.identity.ApiKey;
import dev.strata.pool.identity.PrincipalName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** API keys in the JPA catalog. */
@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public Optional<ApiKey> find(String id) {
    return Optional.ofNullable(em.find(ApiKey.class, id));
  }

  @Override
  public List<ApiKey> of(PrincipalName owner) {
    return em.createQuery(
            "select k from ApiKey k where k.principalName = :owner order by k.createdAt desc, k.id",
            ApiKey.class)
        .setParameter("owner", owner.value())
        .getResultList();
  }

  @Override
  public void add(ApiKey key) {
    Jpa.persistNew(em, key, "API key", key.id());
  }
}
