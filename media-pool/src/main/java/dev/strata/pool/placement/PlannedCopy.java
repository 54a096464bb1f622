package dev.strata.pool.placement;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.MediaClass;
import dev.strata.pool.TargetId;
import java.util.List;

/**
 * One copy the plan adds: where it goes, and why there.
 *
 * @param ordinal 1 for the first copy the plan adds, 2 for the next...
 * @param score the target's score in the ranked pool
 * @param fulfils the requirements this copy brings closer ("a copy on TAPE", "a new data center",
 *     "the restore-time objective", or only "one more copy")
 * @param passedOver better-ranked candidates this copy could not go to, each with the constraint
 *     that would have been broken
 */
public record PlannedCopy(
    int ordinal,
    TargetId target,
    DataCenterId dataCenter,
    MediaClass mediaClass,
    double score,
    List<String> fulfils,
    List<Rejection> passedOver) {
  public PlannedCopy {
    fulfils = List.copyOf(fulfils);
    passedOver = List.copyOf(passedOver);
  }
}
