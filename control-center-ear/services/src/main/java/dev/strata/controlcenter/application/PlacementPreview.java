package dev.strata.controlcenter.application;

import dev.strata.pool.placement.PlacementPlan;
import dev.strata.pool.policy.QosPolicy;
import java.util.List;

/** What the planner would do for a policy and a size, with the ranked pool it chose from. */
public record PlacementPreview(
    QosPolicy policy, long sizeBytes, PlacementPlan plan, List<RankedTarget> pool) {}
