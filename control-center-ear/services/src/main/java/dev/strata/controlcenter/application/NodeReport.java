package dev.strata.controlcenter.application;

import dev.strata.pool.TargetKind;
import java.time.Instant;
import java.util.List;

/**
 * What a storage node says in a heartbeat: where it answers, and each of its targets with the
 * latest probe it made of it.
 */
public record NodeReport(String url, List<Target> targets) {
  public NodeReport {
    targets = List.copyOf(targets);
  }

  /**
   * One target of the node.
   *
   * @param name its name on the node
   * @param location where it is on the node's host (a path, or a URI with its scheme)
   */
  public record Target(String name, TargetKind kind, String location, Probe probe) {}

  /** The node's latest probe of a target; -1 where something was not measured. */
  public record Probe(
      Instant at,
      boolean reachable,
      long totalBytes,
      long freeBytes,
      long probeBytes,
      boolean dataPathTested,
      boolean verified,
      long writeMillis,
      long readMillis,
      String detail) {}
}
