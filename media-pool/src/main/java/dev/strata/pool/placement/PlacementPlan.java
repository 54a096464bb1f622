package dev.strata.pool.placement;

import java.util.List;

/**
 * The planner's answer. When {@link #satisfiable()}, {@code copies} are the copies to add (possibly
 * none, when the existing ones meet the policy) and the existing copies plus these meet every
 * requirement. Otherwise {@code copies} is empty and {@code unmet} names each requirement that
 * cannot be met. {@code rejections} explains every candidate that got no copy, best-ranked first.
 */
public record PlacementPlan(
    boolean satisfiable, List<PlannedCopy> copies, List<Rejection> rejections, List<Unmet> unmet) {
  public PlacementPlan {
    copies = List.copyOf(copies);
    rejections = List.copyOf(rejections);
    unmet = List.copyOf(unmet);
  }
}
