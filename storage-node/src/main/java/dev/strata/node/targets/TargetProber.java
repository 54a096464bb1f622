package dev.strata.node.targets;

import dev.strata.disk.ProbeReport;
import dev.strata.disk.StoreProbe;
import dev.strata.node.tape.MediaState;
import dev.strata.tape.Element;
import dev.strata.tape.ElementType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Probes the node's targets where they live — disks and buckets through {@link StoreProbe} (the AWS
 * SDK stays in the node), tape libraries through their inventory — and keeps the latest result of
 * each for the center to collect.
 */
public final class TargetProber {
  private final StoreProbe storeProbe;
  private final MediaState media;
  private final Clock clock;
  private final Map<String, TargetProbe> latest = new ConcurrentHashMap<>();

  public TargetProber(StoreProbe storeProbe, MediaState media, Clock clock) {
    this.storeProbe = storeProbe;
    this.media = media;
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
        r.write() != null,
        r.verified(),
        r.write() == null ? -1 : r.write().toMillis(),
        r.read() == null ? -1 : r.read().toMillis(),
        r.detail() == null ? "" : r.detail());
  }

  /**
   * A library answers with its inventory; the data path of tape is not exercised by this probe
   * (every batch and recall exercises it, and their failures are reported with the drives).
   */
  private TargetProbe probeLibrary(Target t) {
    try {
      List<Element> inv = t.library().get().library().inventory();
      long drives = inv.stream().filter(e -> e.type() == ElementType.DATA_TRANSFER).count();
      long cartridges =
          inv.stream()
              .filter(e -> e.type() != ElementType.MEDIUM_TRANSPORT && e.cartridge().isPresent())
              .count();
      long known =
          inv.stream()
              .filter(e -> e.cartridge().isPresent())
              .filter(e -> media.get(t.name(), e.cartridge().get().value()).isPresent())
              .count();
      return new TargetProbe(
          t.name(),
          clock.instant(),
          true,
          -1,
          -1,
          false,
          false,
          -1,
          -1,
          drives
              + " drives, "
              + cartridges
              + " cartridges ("
              + (cartridges - known)
              + " not yet used by this node); no data-path test in the probe");
    } catch (java.io.IOException | RuntimeException e) {
      return new TargetProbe(
          t.name(),
          clock.instant(),
          false,
          -1,
          -1,
          false,
          false,
          -1,
          -1,
          "inventory failed: " + e.getMessage());
    }
  }
}
