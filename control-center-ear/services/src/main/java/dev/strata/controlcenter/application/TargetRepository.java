package dev.strata.controlcenter.application;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The storage targets in the catalog. */
public interface TargetRepository {
  Optional<StorageTarget> find(TargetId id);

  /** Matching {@code query}, in id order, one more than asked when there are more. */
  List<StorageTarget> list(TargetQuery query, PageRequest page);

  /** Every target matching {@code query}, in id order (the pool is ranked as a whole). */
  List<StorageTarget> all(TargetQuery query);

  /** Every target of the given data centers, in id order. */
  List<StorageTarget> inDataCenters(Collection<DataCenterId> dataCenters);

  /** Every target that is not retired (those the scheduled probes measure), in id order. */
  List<StorageTarget> probed();

  void add(StorageTarget target);

  void flush();
}
