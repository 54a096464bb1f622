package dev.strata.node.center;

import dev.strata.node.targets.Target;
import dev.strata.node.targets.TargetProbe;
import dev.strata.node.targets.TargetProber;
import java.net.URI;
import java.util.Collection;

/**
 * What a heartbeat says: the URL the node is reached at and each of its targets — in the order it
 * was configured, so the first disk, where uploads land, comes first — with the latest probe, if
 * one has run yet.
 */
public final class HeartbeatReport {
  private HeartbeatReport() {}

  public static CenterClient.Heartbeat of(
      URI advertised, Collection<Target> targets, TargetProber prober) {
    return new CenterClient.Heartbeat(
        advertised.toString(),
        targets.stream()
            .map(
                t ->
                    new CenterClient.HeartbeatTarget(
                        t.name(),
                        t.kind().name(),
                        t.location(),
                        prober.latest(t.name()).map(HeartbeatReport::probe).orElse(null)))
            .toList());
  }

  static CenterClient.HeartbeatProbe probe(TargetProbe p) {
    return new CenterClient.HeartbeatProbe(
        p.at().toString(),
        p.reachable(),
        p.totalBytes(),
        p.freeBytes(),
        p.probeBytes(),
        p.dataPathTested(),
        p.verified(),
        p.writeMillis(),
        p.readMillis(),
        p.detail());
  }
}
