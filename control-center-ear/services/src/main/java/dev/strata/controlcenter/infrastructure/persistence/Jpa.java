package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.PageRequest;
import dev.strata.pool.DuplicateIdentityException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every JPA repository does the same way. */
final class Jpa {
  private Jpa() {}

  /** Binds {@code :after} and asks for one row more than the page, to tell if a next exists. */
  static <T> TypedQuery<T> page(TypedQuery<T> query, PageRequest page) {
    return query.setParameter("after", page.after()).setMaxResults(page.limit() + 1);
  }

  /** The conditions a query was asked for, and their parameters; absent values add nothing. */
  static final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    Where and(String condition, String name, Object value) {
      if (value != null) {
        conditions.add(condition);
        params.put(name, value);
      }
      return this;
    }

    /** {@code " where a and b"}, or nothing. */
    String clause() {
      return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    <T> TypedQuery<T> bind(TypedQuery<T> query) {
      params.forEach(query::setParameter);
      return query;
    }
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
