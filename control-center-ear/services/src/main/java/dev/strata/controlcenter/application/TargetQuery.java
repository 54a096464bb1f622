package dev.strata.controlcenter.application;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetState;

/** Filters for listing targets; a {@code null} filter matches everything. */
public record TargetQuery(DataCenterId dataCenter, TargetKind kind, TargetState state) {
  public static final TargetQuery ALL = new TargetQuery(null, null, null);
}
