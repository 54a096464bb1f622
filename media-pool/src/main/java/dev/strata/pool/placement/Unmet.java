package dev.strata.pool.placement;

import dev.strata.pool.MediaClass;
import dev.strata.pool.policy.Requirement;

/**
 * A requirement of the policy that no plan over this pool can meet, with the reason in figures.
 *
 * @param mediaClass the class concerned for {@link Requirement#MEDIA_CLASS}, else {@code null}
 */
public record Unmet(Requirement requirement, MediaClass mediaClass, String reason) {}
