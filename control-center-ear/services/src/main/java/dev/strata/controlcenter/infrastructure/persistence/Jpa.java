package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.PageRequest;
import dev.strata.pool.DuplicateIdentityException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

/** What every JPA repository does the same way. */
final class Jpa {
  private Jpa() {}

  /** Binds {@code :after} and asks for one row more than the page, to tell if a next exists. */
  static <T> TypedQuery<T> page(TypedQuery<T> query, PageRequest page) {
    return query.setParameter("after", page.after()).setMaxResults(page.limit() + 1);
  }

  /** Persists a new entity now; losing a race with a concurrent insert of the same id is a 409. */
  static void persistNew(EntityManager em, Object entity, String what, Object id) {
    try {
      em.persist(entity);
      em.flush();
    } catch (PersistenceException e) {
      throw new DuplicateIdentityException(what, id);
    }
  }
}
