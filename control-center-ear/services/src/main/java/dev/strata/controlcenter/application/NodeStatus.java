package dev.strata.controlcenter.application;

import dev.strata.pool.StorageNode;
import java.util.List;

/** A node, whether it is late with its heartbeats, and the targets it owns. */
public record NodeStatus(StorageNode node, boolean late, List<String> targets) {}
