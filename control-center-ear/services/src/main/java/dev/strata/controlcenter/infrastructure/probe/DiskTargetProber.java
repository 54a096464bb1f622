package dev.strata.controlcenter.infrastructure.probe;

import dev.strata.controlcenter.infrastructure.config.StrataConfig;
import dev.strata.disk.LocalPackStore;
import dev.strata.disk.ProbeReport;
import dev.strata.disk.StoreProbe;
import dev.strata.pool.ProbeMeasurement;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetProber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Probes {@code file:} disk targets through the same pack store the data path writes to: a durable
 * put, a verified read-back and a delete of a random probe pack.
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

  @Override
  public ProbeMeasurement probe(StorageTarget target) {
    LocalPackStore store;
    try {
      store = LocalPackStore.open(Path.of(target.endpoint()), clock);
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      return ProbeMeasurement.unreachable(
          e instanceof java.nio.file.NoSuchFileException
              ? "no directory at " + target.endpoint().getPath()
              : why);
    }
    ProbeReport r = new StoreProbe(random, config.probeBytes()).probe(store);
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
