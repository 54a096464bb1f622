package dev.strata.controlcenter.application;

import dev.strata.pool.catalog.BackupSetId;
import dev.strata.pool.catalog.Snapshot;
import dev.strata.pool.catalog.SnapshotId;
import java.util.List;
import java.util.Optional;

/** The snapshots in the catalog. */
public interface SnapshotRepository {
  Optional<Snapshot> find(SnapshotId id);

  /**
   * Of one backup set, newest first (by sequence); {@code page.after()} is the sequence of the last
   * snapshot of the previous page. One more than asked when there are more.
   */
  List<Snapshot> of(BackupSetId set, PageRequest page);

  void add(Snapshot snapshot);

  /** The newest snapshots of every backup set, at most {@code limit}, newest first. */
  List<Snapshot> newest(int limit);
}
