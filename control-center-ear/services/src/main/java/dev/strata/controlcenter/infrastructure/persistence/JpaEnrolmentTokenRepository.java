package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.EnrolmentTokenRepository;
import dev.strata.pool.EnrolmentToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Enrolment tokens in the JPA catalog. */
@ApplicationScoped
public class JpaEnrolmentTokenRepository implements EnrolmentTokenRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public Optional<EnrolmentToken> find(String id) {
    return Optional.ofNullable(em.find(EnrolmentToken.class, id));
  }

  @Override
  public void add(EnrolmentToken token) {
    Jpa.persistNew(em, token, "enrolment token", token.id());
  }
}
