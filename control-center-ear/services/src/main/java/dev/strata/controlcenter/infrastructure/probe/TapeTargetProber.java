package dev.strata.controlcenter.infrastructure.probe;

import dev.strata.controlcenter.infrastructure.config.StrataConfig;
import dev.strata.pool.ProbeMeasurement;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetProber;
import dev.strata.tape.drivers.TapeLibraries;
import dev.strata.tape.drivers.TapeSettings;
import dev.strata.tape.probe.ProbeCartridges;
import dev.strata.tape.probe.TapeProbe;
import dev.strata.tape.probe.TapeProbeReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Probes tape targets — VTLs in this process ({@code vtl:/path}) or served elsewhere ({@code
 * vtl://host:port}), and tape libraries ({@code mtx:/dev/sgN?drives=...}) — through the same
 * registry and tape SPI the data path uses: the library is opened by its URI and {@link TapeProbe}
 * writes, reads back and verifies probe blocks on the cartridge set aside for probing, in a drive
 * nobody else is using. A library without a probe cartridge or a free drive is measured as
 * reachable but untested, which the pool rates as degraded.
 */
@ApplicationScoped
public class TapeTargetProber implements TargetProber {
  /** Probe blocks of 256 KiB: LTO drives stream with blocks that large, and the VTL takes them. */
  static final int BLOCK_SIZE = 256 << 10;

  @Inject StrataConfig config;
  @Inject RandomGenerator random;
  @Inject Clock clock;

  private final TapeLibraries registry = TapeLibraries.discovered();

  @Override
  public boolean supports(StorageTarget target) {
    String scheme = target.endpoint().getScheme();
    return (target.kind() == TargetKind.VTL && "vtl".equals(scheme))
        || (target.kind() == TargetKind.TAPE_LIBRARY && "mtx".equals(scheme));
  }

  @Override
  public ProbeMeasurement probe(StorageTarget target) {
    TapeProbe probe =
        new TapeProbe(
            random,
            clock,
            config.probeBytes(),
            Math.min(BLOCK_SIZE, config.probeBytes()),
            ProbeCartridges.DEFAULT);
    return measure(target.endpoint(), probe, registry, TapeSettings.defaults());
  }

  /** Opens the library at {@code endpoint}, probes it and says what was found, never throwing. */
  static ProbeMeasurement measure(
      URI endpoint, TapeProbe probe, TapeLibraries registry, TapeSettings settings) {
    TapeLibraries.Opened opened;
    try {
      opened = registry.open(endpoint, settings);
    } catch (IOException | IllegalArgumentException e) {
      return ProbeMeasurement.unreachable(e.getMessage() == null ? e.toString() : e.getMessage());
    }
    TapeProbeReport r;
    try {
      r = probe.probe(opened);
    } finally {
      try {
        opened.close();
      } catch (IOException e) {
        // the probe is over; a connection that does not close cleanly changes nothing measured
      }
    }
    if (!r.reachable()) {
      return ProbeMeasurement.unreachable(r.detail());
    }
    return new ProbeMeasurement(
        true,
        r.capacity().totalBytes(),
        r.capacity().freeBytes(),
        r.tested() ? r.probeBytes() : 0,
        r.write(),
        r.read(),
        r.verified(),
        r.detail());
  }
}
