package dev.strata.controlcenter.application;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.PricePerGibMonth;
import dev.strata.pool.TargetId;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetState;

/** What an operator gives to register a storage target. */
public record TargetDraft(
    TargetId id,
    DataCenterId dataCenter,
    TargetKind kind,
    String name,
    String endpoint,
    Long capacityBytes,
    PricePerGibMonth cost,
    TargetState state) {}
