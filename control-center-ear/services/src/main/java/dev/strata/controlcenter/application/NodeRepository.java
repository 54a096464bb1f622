package dev.strata.controlcenter.application;

import dev.strata.pool.NodeName;
import dev.strata.pool.StorageNode;
import java.util.List;
import java.util.Optional;

/** The storage nodes in the catalog. */
public interface NodeRepository {
  Optional<StorageNode> find(NodeName name);

  /** Every node, in name order. */
  List<StorageNode> all();

  void add(StorageNode node);
}
