package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.PolicyRepository;
import dev.strata.pool.policy.PolicyName;
import dev.strata.pool.policy.QosPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** QoS policy revisions in the JPA catalog. */
@ApplicationScoped
public class JpaPolicyRepository implements PolicyRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public List<QosPolicy> current() {
    return em.createQuery(
            "select p from QosPolicy p where p.revision ="
                + " (select max(q.revision) from QosPolicy q where q.name = p.name)"
                + " order by p.name",
            QosPolicy.class)
        .getResultList();
  }

  @Override
  public Optional<QosPolicy> current(PolicyName name) {
    return em.createQuery(
            "select p from QosPolicy p where p.name = :name order by p.revision desc",
            QosPolicy.class)
        .setParameter("name", name.value())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<QosPolicy> revision(PolicyName name, int revision) {
    return em.createQuery(
            "select p from QosPolicy p where p.name = :name and p.revision = :revision",
            QosPolicy.class)
        .setParameter("name", name.value())
        .setParameter("revision", revision)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<QosPolicy> revisions(PolicyName name) {
    return em.createQuery(
            "select p from QosPolicy p where p.name = :name order by p.revision", QosPolicy.class)
        .setParameter("name", name.value())
        .getResultList();
  }

  @Override
  public boolean isEmpty() {
    return em.createQuery("select count(p) from QosPolicy p", Long.class).getSingleResult() == 0;
  }

  @Override
  public void add(QosPolicy policy) {
    Jpa.persistNew(em, policy, "policy revision", policy.ref());
  }
}
