package dev.strata.controlcenter.application;

import dev.strata.pool.TargetId;
import dev.strata.pool.TenantId;
import dev.strata.pool.catalog.CopyState;
import dev.strata.pool.catalog.PackCopy;
import dev.strata.pool.catalog.PackHash;
import dev.strata.pool.rank.VerificationTally;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The copies of packs on targets and media. */
public interface PackCopyRepository {
  /** Every copy of the given packs of {@code tenant}. */
  List<PackCopy> ofPacks(TenantId tenant, Collection<PackHash> packs);

  /**
   * Per target, how many of its copies were verified since {@code since} and how many of those were
   * found corrupt or missing (the ranking's data-error evidence).
   */
  Map<TargetId, VerificationTally> verificationTallies(Collection<TargetId> targets, Instant since);

  void add(PackCopy copy);

  Optional<PackCopy> find(long id);

  /** Copies in {@code states}, oldest change first, at most {@code limit}. */
  List<PackCopy> inStates(Collection<CopyState> states, int limit);
}
