package dev.strata.controlcenter.application;

import dev.strata.pool.StorageNode;

/**
 * A node just enrolled: its record, the one and only copy of its credential, and the key it checks
 * grants with.
 */
public record Enrolment(StorageNode node, String credential, String grantKey) {
  /** Never the credential. */
  @Override
  public String toString() {
    return "Enrolment[" + node.name() + "]";
  }
}
