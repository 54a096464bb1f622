package dev.strata.pool.policy;

import dev.strata.pool.MediaClass;
import java.util.Optional;

/**
 * One requirement of a policy that a set of copies does not meet, with how far off it is.
 *
 * @param mediaClass the class concerned for {@link Requirement#MEDIA_CLASS}, else {@code null}
 * @param required what the policy asks
 * @param present what the copies give
 */
public record Shortfall(Requirement requirement, MediaClass mediaClass, int required, int present) {

  public Optional<MediaClass> mediaClassConcerned() {
    return Optional.ofNullable(mediaClass);
  }

  /** How many more copies (or data centers) the requirement needs. */
  public int missing() {
    return required - present;
  }

  /** A sentence for operators: "1 of 2 copies on TAPE". */
  public String describe() {
    return switch (requirement) {
      case COPIES -> present + " of " + required + " copies";
      case DATA_CENTERS -> "copies in " + present + " of " + required + " data centers";
      case MEDIA_CLASS -> present + " of " + required + " copies on " + mediaClass;
      case RESTORE_TIME -> "no copy restorable within the restore-time objective";
    };
  }

  @Override
  public String toString() {
    return describe();
  }
}
