package dev.strata.controlcenter.application;

import dev.strata.pool.DataCenter;
import dev.strata.pool.DataCenterId;
import java.util.List;
import java.util.Optional;

/** The data centers in the catalog. */
public interface DataCenterRepository {
  Optional<DataCenter> find(DataCenterId id);

  /** In id order, one more than {@code page.limit()} when there are more (see {@link Page#of}). */
  List<DataCenter> list(PageRequest page);

  boolean isEmpty();

  /** Adds a new data center; a concurrent one with the same id makes it a duplicate. */
  void add(DataCenter dc);

  /** Writes pending changes now, so that a version conflict surfaces inside the use case. */
  void flush();
}
