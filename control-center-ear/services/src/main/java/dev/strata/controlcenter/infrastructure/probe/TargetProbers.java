package dev.strata.controlcenter.infrastructure.probe;

import dev.strata.pool.ProbeMeasurement;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetProber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses the driver's prober for a target (by endpoint scheme) and keeps two probes of the same
 * target from running at once (a scheduled round and an operator's "probe now").
 */
@ApplicationScoped
public class TargetProbers {
  private static final Logger LOG = Logger.getLogger(TargetProbers.class.getName());

  @Inject @Any Instance<TargetProber> all;

  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /** The measurement, or empty when no driver of this build can reach the target. */
  public Optional<ProbeMeasurement> probe(StorageTarget target) {
    List<TargetProber> candidates = all.stream().filter(p -> p.supports(target)).toList();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    ReentrantLock lock = locks.computeIfAbsent(target.id().value(), k -> new ReentrantLock());
    lock.lock();
    try {
      return Optional.of(candidates.get(0).probe(target));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "prober for " + target.id() + " failed", e);
      return Optional.of(ProbeMeasurement.unreachable("probe raised " + e));
    } finally {
      lock.unlock();
    }
  }
}
