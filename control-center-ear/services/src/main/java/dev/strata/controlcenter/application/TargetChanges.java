package dev.strata.controlcenter.application;

import dev.strata.pool.PricePerGibMonth;

/**
 * The attributes of a storage target that may change after registration (its state changes only
 * through the named transitions).
 */
public record TargetChanges(
    String name, String endpoint, Long capacityBytes, PricePerGibMonth cost) {}
