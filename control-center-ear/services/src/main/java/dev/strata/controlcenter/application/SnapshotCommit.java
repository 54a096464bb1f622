package dev.strata.controlcenter.application;

import dev.strata.pool.catalog.PackHash;
import dev.strata.pool.catalog.SnapshotId;
import java.time.Instant;
import java.util.List;

/**
 * What an agent commits at the end of a session: the snapshot (its signed object already stored
 * under {@code snapshots/<id>}) and every pack it needs.
 */
public record SnapshotCommit(
    SnapshotId snapshot, long sequence, Instant takenAt, long sizeBytes, List<PackHash> packs) {
  public SnapshotCommit {
    packs = List.copyOf(packs);
  }
}
