package dev.strata.controlcenter.application;

import dev.strata.pool.identity.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.util.List;

/**
 * The media service pool: every target ranked by the service it really delivered (see {@link
 * RankingCalculator}), with the components of each score, so that an operator sees why a target
 * ranks where it does.
 */
@Stateless
@Interceptors(DomainRules.class)
public class PoolRanking {

  @Inject TargetRepository targets;
  @Inject RankingCalculator calculator;
  @Inject Clock clock;

  /** The targets matching {@code query}, best first. */
  public List<RankedTarget> rank(Caller caller, TargetQuery query) {
    caller.require(Permission.POOL_READ);
    return calculator.ranked(targets.all(query), clock.instant());
  }
}
