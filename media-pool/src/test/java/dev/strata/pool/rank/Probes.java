package dev.strata.pool.rank;

import dev.strata.pool.DataCenter;
import dev.strata.pool.DataCenterId;
import dev.strata.pool.NetworkLink;
import dev.strata.pool.PricePerGibMonth;
import dev.strata.pool.ProbeMeasurement;
import dev.strata.pool.ProbeOutcome;
import dev.strata.pool.ProbeResult;
import dev.strata.pool.ProbeThresholds;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Real probe results, made the way the control center makes them (through the domain's rules). */
final class Probes {
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  static final long MIB = 1L << 20;

  private Probes() {}

  static StorageTarget disk(String id, String dc, PricePerGibMonth cost) {
    DataCenter d = DataCenter.establish(DataCenterId.of(dc), null, null, NetworkLink.WAN, T0);
    return StorageTarget.register(
        TargetId.of(id),
        d,
        TargetKind.DISK,
        null,
        "file:/" + id,
        null,
        cost,
        TargetState.ACTIVE,
        T0);
  }

  /** A verified 1 MiB round trip taking {@code writeMillis} + {@code readMillis}. */
  static ProbeMeasurement ok(long writeMillis, long readMillis, long total, long free) {
    return new ProbeMeasurement(
        true,
        total,
        free,
        MIB,
        Duration.ofMillis(writeMillis),
        Duration.ofMillis(readMillis),
        true,
        "");
  }

  static ProbeResult at(StorageTarget t, int minutes, ProbeMeasurement m) {
    return ProbeResult.assess(t, m, T0.plusSeconds(60L * minutes), ProbeThresholds.DEFAULT);
  }

  static ProbeMeasurement of(ProbeOutcome o) {
    return switch (o) {
      case OK -> ok(10, 5, 1000 * MIB, 800 * MIB);
      case DEGRADED -> ok(10, 5, 1000 * MIB, 10 * MIB);
      case UNREACHABLE -> ProbeMeasurement.unreachable("gone");
      case FAILED ->
          new ProbeMeasurement(
              true, 1000 * MIB, 800 * MIB, MIB, Duration.ZERO, Duration.ZERO, false, "bad");
      case NO_DRIVER -> throw new IllegalArgumentException();
    };
  }

  /** One probe per minute with the given outcomes, oldest first. */
  static List<ProbeResult> history(StorageTarget t, ProbeOutcome... outcomes) {
    List<ProbeResult> out = new ArrayList<>();
    for (int i = 0; i < outcomes.length; i++) {
      out.add(
          outcomes[i] == ProbeOutcome.NO_DRIVER
              ? ProbeResult.noDriver(t, T0.plusSeconds(60L * i))
              : at(t, i, of(outcomes[i])));
    }
    return out;
  }
}
