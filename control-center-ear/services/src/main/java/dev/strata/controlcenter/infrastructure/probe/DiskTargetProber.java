package dev.strata.controlcenter.infrastructure.probe;

import dev.strata.controlcenter.infrastructure.config.StrataConfig;
import dev.strata.disk.PackStores;
import dev.strata.disk.ProbeReport;
import dev.strata.disk.RetryPolicy;
import dev.strata.disk.StoreProbe;
import dev.strata.disk.StoreSettings;
import dev.strata.pool.ProbeMeasurement;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetProber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Probes {@code file:} disk targets through the same pack-store stack the data path writes to
 * (built by {@link PackStores}): a durable put, a verified read-back and a delete of a random probe
 * pack. It only opens stores: a target whose directory holds no pack store is reported unreachable,
 * and nothing is created, changed or deleted there.
 */
@ApplicationScoped
public class DiskTargetProber implements TargetProber {

  @Inject StrataConfig config;
  @Inject RandomGenerator random;
  @Inject Clock clock;

  @Override
  public boolean supports(StorageTarget target) {
    return target.kind() == TargetKind.DISK && "file".equals(target.endpoint().getScheme());
  }

  /** A probe measures the target as it is: one attempt, so a flaky device is not retried away. */
  private StoreSettings settings() {
    return StoreSettings.defaults(clock, random)
        .withRetry(new RetryPolicy(1, Duration.ZERO, Duration.ZERO), d -> {});
  }

  @Override
  public ProbeMeasurement probe(StorageTarget target) {
    ProbeReport r;
    try (PackStores.Opened opened = PackStores.open(target.endpoint(), settings())) {
      r = new StoreProbe(random, config.probeBytes()).probe(opened.store());
    } catch (IOException e) {
      // a missing directory or one that is no store says so ("no pack store at ...: ...")
      return ProbeMeasurement.unreachable(e.getMessage() == null ? e.toString() : e.getMessage());
    }
    return new ProbeMeasurement(
        r.reachable(),
        r.totalBytes(),
        r.usableBytes(),
        r.probeBytes(),
        r.write(),
        r.read(),
        r.verified(),
        r.detail());
  }
}
