package dev.strata.pool.placement;

import dev.strata.pool.TargetId;

/** Why one candidate got no copy: the constraint that excluded it, in words with the figures. */
public record Rejection(TargetId target, Constraint constraint, String detail) {}
