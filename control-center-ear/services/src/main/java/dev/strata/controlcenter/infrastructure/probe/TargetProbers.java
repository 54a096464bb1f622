package dev.strata.controlcenter.infrastructure.probe;

import dev.strata.controlcenter.application.TargetProbing;
import dev.strata.controlcenter.infrastructure.config.StrataConfig;
import dev.strata.pool.ProbeMeasurement;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetProber;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the driver's prober for a target (by endpoint scheme) and runs it on a container-managed
 * thread with the configured deadline, one probe per target at a time ({@link ProbeRunner}).
 */
@ApplicationScoped
public class TargetProbers implements TargetProbing {

  @Inject @Any Instance<TargetProber> all;
  @Inject StrataConfig config;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private ProbeRunner runner;

  @PostConstruct
  void init() {
    runner = new ProbeRunner(executor, config.probeTimeout());
  }

  @Override
  public Optional<ProbeMeasurement> probe(StorageTarget target) {
    List<TargetProber> candidates = all.stream().filter(p -> p.supports(target)).toList();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(runner.run(candidates.get(0), target));
  }
}
