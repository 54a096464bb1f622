package dev.strata.controlcenter.application;

import dev.strata.pool.TargetId;
import dev.strata.pool.catalog.Medium;
import dev.strata.pool.catalog.MediumId;
import java.util.List;
import java.util.Optional;

/** The media (cartridges and volumes) in the catalog. */
public interface MediumRepository {
  Optional<Medium> find(MediumId id);

  /** Of {@code target} (all when empty), in id order, one more than asked when there are more. */
  List<Medium> list(Optional<TargetId> target, PageRequest page);

  void add(Medium medium);
}
