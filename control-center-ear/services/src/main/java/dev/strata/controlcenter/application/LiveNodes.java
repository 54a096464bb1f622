package dev.strata.controlcenter.application;

import dev.strata.pool.NodeName;
import dev.strata.pool.StorageNode;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The storage nodes heard from within three heartbeat intervals, and their targets: what data can
 * be written to and read from now. Nodes that fell silent take their targets with them.
 */
public record LiveNodes(Map<NodeName, StorageNode> nodes, Map<TargetId, StorageTarget> targets) {

  public LiveNodes {
    nodes = Map.copyOf(nodes);
    targets = Map.copyOf(targets);
  }

  /** The live part of {@code allNodes} and {@code allTargets} at {@code now}. */
  public static LiveNodes of(
      List<StorageNode> allNodes,
      List<StorageTarget> allTargets,
      Duration heartbeatInterval,
      Instant now) {
    Duration tolerance = heartbeatInterval.multipliedBy(3);
    Map<NodeName, StorageNode> live = new HashMap<>();
    for (StorageNode n : allNodes) {
      if (!n.isLate(now, tolerance)) {
        live.put(n.name(), n);
      }
    }
    Map<TargetId, StorageTarget> targets = new HashMap<>();
    for (StorageTarget t : allTargets) {
      if (t.node().isPresent() && live.containsKey(t.node().get())) {
        targets.put(t.id(), t);
      }
    }
    return new LiveNodes(live, targets);
  }

  /** The live node that owns {@code target}, if both are live. */
  public Optional<StorageNode> nodeOf(TargetId target) {
    return Optional.ofNullable(targets.get(target)).map(t -> nodes.get(t.node().get()));
  }
}
