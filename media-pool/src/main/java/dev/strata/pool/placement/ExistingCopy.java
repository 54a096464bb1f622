package dev.strata.pool.placement;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.MediaClass;
import dev.strata.pool.TargetId;
import java.util.Objects;

/**
 * A copy that already exists and counts toward the policy (the caller decides which do: normally
 * the durable and verified ones on targets that are not being drained).
 */
public record ExistingCopy(TargetId target, DataCenterId dataCenter, MediaClass mediaClass) {
  public ExistingCopy {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(dataCenter, "dataCenter");
    Objects.requireNonNull(mediaClass, "mediaClass");
  }
}
