package dev.strata.controlcenter.application;

import dev.strata.pool.TenantId;
import dev.strata.pool.jobs.BackupJob;
import dev.strata.pool.jobs.BackupJobId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Backup jobs. */
public interface BackupJobRepository {
  Optional<BackupJob> find(BackupJobId id);

  /** As {@link #find}, locked against concurrent changes until the transaction ends. */
  Optional<BackupJob> lock(BackupJobId id);

  void add(BackupJob job);

  /** Removes the job with its runs and their events. */
  void remove(BackupJob job);

  /** Of {@code tenant} (all when empty), in id order, one more than asked when there are more. */
  List<BackupJob> list(Optional<TenantId> tenant, PageRequest page);

  /** Ids of enabled jobs whose next firing is at or before {@code now}, at most {@code limit}. */
  List<BackupJobId> due(Instant now, int limit);
}
