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

  /**
   * Snapshots of every backup set in id order after {@code afterId} ({@code null}: from the first),
   * at most {@code limit}: a walk over the whole catalog a page at a time.
   */
  List<Snapshot> after(String afterId, int limit);
}
