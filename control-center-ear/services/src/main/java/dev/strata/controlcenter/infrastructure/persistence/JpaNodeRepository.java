package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.NodeRepository;
import dev.strata.pool.NodeName;
import dev.strata.pool.StorageNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Storage nodes in the JPA catalog. */
@ApplicationScoped
public class JpaNodeRepository implements NodeRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public Optional<StorageNode> find(NodeName name) {
    return Optional.ofNullable(em.find(StorageNode.class, name.value()));
  }

  @Override
  public List<StorageNode> all() {
    return em.createQuery("select n from StorageNode n order by n.name", StorageNode.class)
        .getResultList();
  }

  @Override
  public void add(StorageNode node) {
    Jpa.persistNew(em, node, "storage node", node.name());
  }
}
