package dev.strata.controlcenter.application;

import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.identity.Permission;
import dev.strata.pool.placement.Candidate;
import dev.strata.pool.placement.ExistingCopy;
import dev.strata.pool.placement.PlacementPlan;
import dev.strata.pool.placement.PlacementPlanner;
import dev.strata.pool.placement.PlacementRequest;
import dev.strata.pool.policy.PolicyName;
import dev.strata.pool.policy.QosPolicy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.util.List;

/**
 * Where copies go: the domain's planner over the ranked pool, for a policy and a size, given the
 * copies that already exist. The preview answers what the planner would do now, with its reasons;
 * backup sessions (issue 12) use the same method to place their packs.
 */
@Stateless
@Interceptors(DomainRules.class)
public class PlacementService {
  private static final PlacementPlanner PLANNER = new PlacementPlanner();

  @Inject RankingCalculator ranking;
  @Inject PolicyRepository policies;
  @Inject TargetRepository targets;
  @Inject Clock clock;

  public PlacementPreview preview(
      Caller caller, PolicyName policyName, long sizeBytes, List<TargetId> existingTargets) {
    caller.require(Permission.POOL_READ);
    QosPolicy policy = policies.inForce(policyName);
    List<RankedTarget> pool = ranking.ranked(targets.all(TargetQuery.ALL), clock.instant());
    List<ExistingCopy> existing =
        existingTargets.stream()
            .map(
                id -> {
                  StorageTarget t =
                      targets
                          .find(id)
                          .orElseThrow(() -> new UnknownIdentityException("storage target", id));
                  return new ExistingCopy(t.id(), t.dataCenterId(), t.mediaClass());
                })
            .toList();
    PlacementPlan plan =
        PLANNER.plan(
            new PlacementRequest(policy.terms(), sizeBytes, existing),
            pool.stream().map(r -> Candidate.of(r.target(), r.score())).toList());
    return new PlacementPreview(policy, sizeBytes, plan, pool);
  }
}
