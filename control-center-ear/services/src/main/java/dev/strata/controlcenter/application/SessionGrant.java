package dev.strata.controlcenter.application;

import dev.strata.pool.StorageNode;
import dev.strata.pool.catalog.BackupSession;

/** A session just opened: where its packs go and the grant that lets them in. */
public record SessionGrant(BackupSession session, StorageNode node, String grant) {
  /** Never the grant. */
  @Override
  public String toString() {
    return "SessionGrant[" + session.id() + " -> " + node.name() + "]";
  }
}
