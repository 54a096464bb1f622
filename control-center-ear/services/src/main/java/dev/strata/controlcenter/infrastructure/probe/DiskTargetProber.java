package dev.strata.controlcenter.infrastructure.probe;

import dev.strata.controlcenter.infrastructure.config.StrataConfig;
import dev.strata.disk.DiskProbeReport;
import dev.strata.disk.LocalDiskProbe;
import dev.strata.pool.ProbeMeasurement;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetProber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.random.RandomGenerator;

/** Probes {@code file:} disk targets with the nearline-disk module's {@link LocalDiskProbe}. */
@ApplicationScoped
public class DiskTargetProber implements TargetProber {

  @Inject StrataConfig config;
  @Inject RandomGenerator random;

  @Override
  public boolean supports(StorageTarget target) {
    return target.kind() == TargetKind.DISK && "file".equals(target.endpoint().getScheme());
  }

  @Override
  public ProbeMeasurement probe(StorageTarget target) {
    DiskProbeReport r =
        new LocalDiskProbe(random, config.probeBytes()).probe(Path.of(target.endpoint()));
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
