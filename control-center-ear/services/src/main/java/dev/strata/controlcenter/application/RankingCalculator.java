package dev.strata.controlcenter.application;

import dev.strata.pool.ProbeResult;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.rank.RankingModel;
import dev.strata.pool.rank.TargetEvidence;
import dev.strata.pool.rank.TargetScore;
import dev.strata.pool.rank.VerificationTally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ranks targets by the service they really delivered: their probe history over the ranking window
 * and the verification results of the copies they hold, scored by the domain's {@link RankingModel}
 * (docs/ranking.md). Computed from the catalog on every call, inside the caller's transaction
 * (nothing to go stale); used by the pool's listing, placement and protection.
 */
@ApplicationScoped
public class RankingCalculator {
  static final RankingModel MODEL = RankingModel.DEFAULT;

  @Inject ProbeRepository probes;
  @Inject PackCopyRepository copies;

  /** {@code pool}, best first, scored at {@code now}. */
  public List<RankedTarget> ranked(List<StorageTarget> pool, Instant now) {
    List<TargetId> ids = pool.stream().map(StorageTarget::id).toList();
    Instant since = now.minus(MODEL.window().maxAge());
    Map<TargetId, List<ProbeResult>> history =
        probes.since(ids, since).stream().collect(Collectors.groupingBy(ProbeResult::targetId));
    Map<TargetId, VerificationTally> verified = copies.verificationTallies(ids, since);
    Map<TargetId, StorageTarget> byId = new HashMap<>();
    List<TargetEvidence> evidence = new ArrayList<>();
    for (StorageTarget t : pool) {
      byId.put(t.id(), t);
      evidence.add(
          new TargetEvidence(
              t,
              history.getOrDefault(t.id(), List.of()),
              verified.getOrDefault(t.id(), VerificationTally.NONE)));
    }
    List<TargetScore> scores = MODEL.rank(evidence, now);
    List<RankedTarget> out = new ArrayList<>(scores.size());
    for (int i = 0; i < scores.size(); i++) {
      out.add(new RankedTarget(i + 1, byId.get(scores.get(i).target()), scores.get(i)));
    }
    return out;
  }
}
