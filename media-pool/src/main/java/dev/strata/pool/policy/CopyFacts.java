package dev.strata.pool.policy;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.MediaClass;
import dev.strata.pool.TargetId;
import java.util.Objects;

/**
 * What the requirements of a policy look at in one copy: where it is (target, data center, media
 * class) and whether that target can restore it within the policy's restore-time objective.
 */
public record CopyFacts(
    TargetId target,
    DataCenterId dataCenter,
    MediaClass mediaClass,
    boolean withinRestoreObjective) {
  public CopyFacts {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(dataCenter, "dataCenter");
    Objects.requireNonNull(mediaClass, "mediaClass");
  }
}
