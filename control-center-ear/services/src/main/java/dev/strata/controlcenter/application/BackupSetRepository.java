package dev.strata.controlcenter.application;

import dev.strata.pool.TenantId;
import dev.strata.pool.catalog.BackupSet;
import dev.strata.pool.catalog.BackupSetId;
import java.util.List;
import java.util.Optional;

/** The backup sets in the catalog. */
public interface BackupSetRepository {
  Optional<BackupSet> find(BackupSetId id);

  /** Of {@code tenant} (all when empty), in id order, one more than asked when there are more. */
  List<BackupSet> list(Optional<TenantId> tenant, PageRequest page);

  void add(BackupSet set);
}
