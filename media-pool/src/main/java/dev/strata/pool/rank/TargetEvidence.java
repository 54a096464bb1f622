package dev.strata.pool.rank;

import dev.strata.pool.ProbeResult;
import dev.strata.pool.StorageTarget;
import java.util.List;
import java.util.Objects;

/**
 * Everything the ranking knows about one target: the target itself (its declared cost), its probe
 * history (any order, any length: the window picks), and the verification results of its copies
 * over the same window.
 */
public record TargetEvidence(
    StorageTarget target, List<ProbeResult> probes, VerificationTally verifications) {
  public TargetEvidence {
    Objects.requireNonNull(target, "target");
    probes = List.copyOf(probes);
    verifications = verifications == null ? VerificationTally.NONE : verifications;
  }
}
