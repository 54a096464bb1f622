package dev.strata.controlcenter.application;

import dev.strata.pool.TargetState;

/** The attributes of a storage target that may change after registration. */
public record TargetChanges(String name, String endpoint, Long capacityBytes, TargetState state) {}
