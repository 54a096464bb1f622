package dev.strata.pool.placement;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.policy.PolicyTerms;
import java.util.List;
import java.util.Objects;

/**
 * What to place: data of {@code sizeBytes} under {@code policy}, given the copies that already
 * exist. Every missing copy goes on a target with at least {@code sizeBytes} free.
 */
public record PlacementRequest(PolicyTerms policy, long sizeBytes, List<ExistingCopy> existing) {
  public PlacementRequest {
    Objects.requireNonNull(policy, "policy");
    if (sizeBytes < 0) {
      throw new InvalidValueException("sizeBytes", "sizeBytes is not negative");
    }
    existing = existing == null ? List.of() : List.copyOf(existing);
  }

  /** Placing new data: no copy exists yet. */
  public static PlacementRequest of(PolicyTerms policy, long sizeBytes) {
    return new PlacementRequest(policy, sizeBytes, List.of());
  }
}
