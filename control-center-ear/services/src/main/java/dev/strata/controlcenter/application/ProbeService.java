package dev.strata.controlcenter.application;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.ProbeMeasurement;
import dev.strata.pool.ProbeOutcome;
import dev.strata.pool.ProbeResult;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.identity.Permission;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Probes storage targets and records what it found: the patent's "periodically tests potential and
 * active targets". Device I/O runs outside any transaction; each result is stored in a short
 * transaction of its own, so a slow device never holds catalog locks.
 */
@Stateless
@Interceptors(DomainRules.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProbeService {
  private static final Logger LOG = Logger.getLogger(ProbeService.class.getName());

  @Inject PoolService pool;
  @Inject ProbeLedger ledger;
  @Inject TargetProbing probers;
  @Inject PoolSettings settings;
  @Inject Clock clock;
  @Inject MetricRegistry metrics;
  @Inject EndpointGuard endpoints;

  /** Probes every target that is not retired, one after the other. */
  public ProbeRound probeAll(Caller caller) {
    caller.require(Permission.POOL_MANAGE);
    // A node's targets are probed by their node; its heartbeats bring the results.
    List<StorageTarget> targets =
        pool.probedTargets(caller).stream().filter(t -> t.node().isEmpty()).toList();
    Map<ProbeOutcome, Integer> outcomes = new EnumMap<>(ProbeOutcome.class);
    for (StorageTarget t : targets) {
      ProbeResult r = probe(t);
      outcomes.merge(r.outcome(), 1, Integer::sum);
    }
    return new ProbeRound(targets.size(), outcomes);
  }

  /** Probes one target now, whatever its state, and returns the recorded result. */
  public ProbeResult probeNow(Caller caller, TargetId id) {
    caller.require(Permission.POOL_MANAGE);
    StorageTarget target = pool.target(caller, id);
    if (target.node().isPresent()) {
      throw new InvalidValueException(
          "id",
          "target "
              + id
              + " is probed by its storage node "
              + target.node().get()
              + "; its heartbeats bring the results");
    }
    return probe(target);
  }

  /** Deletes the probe results older than the configured retention; returns how many. */
  public int forgetOldProbes(Caller caller) {
    caller.require(Permission.POOL_MANAGE);
    return ledger.forgetBefore(clock.instant().minus(settings.probeRetention()));
  }

  public List<ProbeResult> history(Caller caller, TargetId id, int limit, Long beforeId) {
    pool.target(caller, id);
    return ledger.history(id, limit, beforeId);
  }

  private ProbeResult probe(StorageTarget target) {
    Instant at = clock.instant();
    ProbeResult result;
    try {
      // Checked again at every probe: the operator may have narrowed the limits since the target
      // was registered, and a host name may now resolve elsewhere.
      endpoints.check(target.kind(), target.endpoint());
      result =
          probers
              .probe(target)
              .map(m -> ProbeResult.assess(target, m, at, settings.probeThresholds()))
              .orElseGet(() -> ProbeResult.noDriver(target, at));
    } catch (InvalidValueException refused) {
      result =
          ProbeResult.assess(
              target,
              ProbeMeasurement.unreachable("not probed: " + refused.getMessage()),
              at,
              settings.probeThresholds());
    }
    ProbeResult previous = ledger.latest(List.of(target.id())).get(target.id());
    ledger.record(result);
    metrics.counter("strata.probes", new Tag("outcome", result.outcome().name())).inc();
    // One line when a target's outcome changes, not one per probe: at scale the log would be
    // nothing but probes.
    boolean changed = previous == null || previous.outcome() != result.outcome();
    LOG.log(
        changed ? Level.INFO : Level.FINE,
        "probe of {0}: {1} {2}",
        new Object[] {target.id(), result.outcome(), result.detail()});
    return result;
  }
}
