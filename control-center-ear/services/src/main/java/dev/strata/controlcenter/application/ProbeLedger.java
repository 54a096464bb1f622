package dev.strata.controlcenter.application;

import dev.strata.pool.ProbeResult;
import dev.strata.pool.TargetId;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The stored history of probe results, for {@link ProbeService}, which runs device I/O outside any
 * transaction: each call here is its own short transaction.
 */
@Stateless
@Interceptors(DomainRules.class)
public class ProbeLedger {

  @Inject ProbeRepository probes;

  public void record(ProbeResult result) {
    probes.add(result);
  }

  public Map<TargetId, ProbeResult> latest(Collection<TargetId> targets) {
    return probes.latest(targets);
  }

  public List<ProbeResult> history(TargetId target, int limit, Long beforeId) {
    return probes.history(target, limit, beforeId);
  }

  public int forgetBefore(Instant cutoff) {
    return probes.deleteBefore(cutoff);
  }
}
