package dev.strata.node.targets;

import dev.strata.disk.ProbeReport;
import dev.strata.disk.StoreProbe;
import dev.strata.tape.probe.TapeProbe;
import dev.strata.tape.probe.TapeProbeReport;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Probes the node's targets where they live — disks and buckets through {@link StoreProbe} (the AWS
 * SDK stays in the node), tape libraries through their inventory — and keeps the latest result of
 * each for the center to collect.
 */
public final class TargetProber {
  private final StoreProbe storeProbe;
  private final TapeProbe tapeProbe;
  private final Clock clock;
  private final Map<String, TargetProbe> latest = new ConcurrentHashMap<>();

  public TargetProber(StoreProbe storeProbe, TapeProbe tapeProbe, Clock clock) {
    this.storeProbe = storeProbe;
    this.tapeProbe = tapeProbe;
    this.clock = clock;
  }

  public TargetProbe probe(Target t) {
    TargetProbe p = t.store().isPresent() ? probeStore(t) : probeLibrary(t);
    latest.put(t.name(), p);
    return p;
  }

  public java.util.Optional<TargetProbe> latest(String target) {
    return java.util.Optional.ofNullable(latest.get(target));
  }

  private TargetProbe probeStore(Target t) {
    ProbeReport r = storeProbe.probe(t.store().get().store());
    return new TargetProbe(
        t.name(),
        clock.instant(),
        r.reachable(),
        r.totalBytes(),
        r.usableBytes(),
        r.probeBytes(),
        r.write() != null,
        r.verified(),
        r.write() == null ? -1 : r.write().toMillis(),
        r.read() == null ? -1 : r.read().toMillis(),
        r.detail() == null ? "" : r.detail());
  }

  /**
   * A library gets the tape probe's data-path test (a probe cartridge written and read back in a
   * drive nobody holds, {@link TapeProbe}); with no probe cartridge or no free drive it is reported
   * reachable but untested, with the reason.
   */
  private TargetProbe probeLibrary(Target t) {
    TapeProbeReport r = tapeProbe.probe(t.library().get().opened());
    return new TargetProbe(
        t.name(),
        clock.instant(),
        r.reachable(),
        r.capacity() == null ? -1 : r.capacity().totalBytes(),
        r.capacity() == null ? -1 : r.capacity().freeBytes(),
        r.probeBytes(),
        r.tested(),
        r.verified(),
        r.write() == null ? -1 : r.write().toMillis(),
        r.read() == null ? -1 : r.read().toMillis(),
        r.detail());
  }
}
