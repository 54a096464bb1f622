package dev.strata.pool.rank;

import static dev.strata.pool.ProbeOutcome.FAILED;
import static dev.strata.pool.ProbeOutcome.OK;
import static dev.strata.pool.ProbeOutcome.UNREACHABLE;
import static dev.strata.pool.rank.Probes.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strata.pool.PricePerGibMonth;
import dev.strata.pool.ProbeResult;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingModelTest {
  private static final RankingModel M = RankingModel.DEFAULT;

  private static TargetScore score(StorageTarget t, List<ProbeResult> h, VerificationTally v) {
    return M.score(new TargetEvidence(t, h, v), Probes.T0.plus(Duration.ofHours(1)));
  }

  @Test
  void theTotalIsTheSumOfTheReportedContributions() {
    StorageTarget t = Probes.disk("d", "a", PricePerGibMonth.ofDecimal("0.01"));
    TargetScore s = score(t, Probes.history(t, OK, OK, UNREACHABLE, OK), VerificationTally.NONE);
    assertThat(s.components()).hasSize(Component.values().length);
    double sum = 0;
    for (ScoreComponent c : s.components()) {
      assertThat(c.contribution()).isCloseTo(c.normalised() * c.weight(), within(1e-12));
      assertThat(c.normalised()).isBetween(0.0, 1.0);
      sum += c.contribution();
    }
    assertThat(s.total()).isCloseTo(sum, within(1e-9));
    assertThat(M.weights().values().stream().mapToDouble(Double::doubleValue).sum())
        .isEqualTo(100.0);
  }

  @Test
  void componentsReportTheMeasuredFigures() {
    StorageTarget t = Probes.disk("d", "a", PricePerGibMonth.ofDecimal("0.01"));
    // 1 MiB written in 10 ms (~105 MB/s), read in 5 ms (~210 MB/s); 800 of 1000 MiB free.
    TargetScore s = score(t, Probes.history(t, OK, OK, UNREACHABLE, OK), VerificationTally.NONE);
    assertThat(s.component(Component.AVAILABILITY).raw()).hasValue(0.75);
    assertThat(s.component(Component.AVAILABILITY).normalised()).isZero(); // below 90%
    assertThat(s.component(Component.WRITE_THROUGHPUT).raw()).hasValue(MIB * 100.0);
    assertThat(s.component(Component.READ_THROUGHPUT).raw()).hasValue(MIB * 200.0);
    assertThat(s.component(Component.LATENCY).raw()).hasValue(15_000);
    assertThat(s.component(Component.LATENCY).normalised())
        .isCloseTo(50_000.0 / 65_000, within(1e-12));
    assertThat(s.component(Component.FREE_CAPACITY).raw()).hasValue(0.8);
    assertThat(s.component(Component.FREE_CAPACITY).normalised()).isEqualTo(1.0);
    assertThat(s.component(Component.COST).normalised()).isEqualTo(0.5);
    assertThat(s.component(Component.DATA_ERRORS).raw()).hasValue(0.0);
    assertThat(s.figures().probes()).isEqualTo(4);
  }

  @Test
  void unknownsAreReportedAsSuchWithTheirNeutralOrZeroValue() {
    StorageTarget t = Probes.disk("d", "a", null);
    TargetScore s = score(t, List.of(), VerificationTally.NONE);
    assertThat(s.state()).isEqualTo(ServiceState.UNKNOWN);
    assertThat(s.component(Component.COST).raw()).isEmpty();
    assertThat(s.component(Component.COST).normalised()).isEqualTo(RankingModel.NEUTRAL);
    assertThat(s.component(Component.COST).note()).isEqualTo("cost not declared");
    assertThat(s.component(Component.WRITE_THROUGHPUT).contribution()).isZero();
    assertThat(s.component(Component.AVAILABILITY).note()).contains("no usable probe");
    assertThat(s.total()).isCloseTo(0.5 * 20 + 0.5 * 5, within(1e-9));
  }

  @Test
  void failedReadBacksAndVerificationErrorsCountAsDataErrors() {
    StorageTarget t = Probes.disk("d", "a", null);
    List<ProbeResult> h = Probes.history(t, OK, OK, OK, FAILED);
    TargetScore probesOnly = score(t, h, VerificationTally.NONE);
    assertThat(probesOnly.component(Component.DATA_ERRORS).raw()).hasValue(0.25);
    TargetScore withVerifications = score(t, h, new VerificationTally(96, 0));
    assertThat(withVerifications.component(Component.DATA_ERRORS).raw()).hasValue(0.01);
    assertThat(withVerifications.component(Component.DATA_ERRORS).normalised()).isEqualTo(0.5);
    TargetScore corrupting = score(t, Probes.history(t, OK, OK, OK), new VerificationTally(10, 5));
    TargetScore clean = score(t, Probes.history(t, OK, OK, OK), new VerificationTally(10, 0));
    assertThat(corrupting.total()).isLessThan(clean.total());
  }

  @Test
  void theWindowDropsOldProbesAndKeepsTheNewest() {
    StorageTarget t = Probes.disk("d", "a", null);
    List<ProbeResult> h = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      h.add(Probes.at(t, i, Probes.of(i < 10 ? UNREACHABLE : OK)));
    }
    RankingModel m =
        new RankingModel(
            new ProbeWindow(20, Duration.ofDays(1)),
            M.hysteresis(),
            M.weights(),
            M.availabilityFloor(),
            M.halfWriteBytesPerSecond(),
            M.halfReadBytesPerSecond(),
            M.halfLatencyMicros(),
            M.halfErrorRate(),
            M.fullFreeRatio(),
            M.halfCostMicros());
    TargetScore s = m.score(new TargetEvidence(t, h, null), Probes.T0.plusSeconds(3600));
    assertThat(s.figures().availability()).hasValue(1.0);
    assertThat(s.figures().probes()).isEqualTo(20);
    TargetScore stale = m.score(new TargetEvidence(t, h, null), Probes.T0.plus(Duration.ofDays(2)));
    assertThat(stale.state()).isEqualTo(ServiceState.UNKNOWN);
    assertThat(stale.figures().probes()).isZero();
  }

  @Test
  void aPoolIsRankedBestFirstWithTiesBrokenById() {
    StorageTarget fast = Probes.disk("fast", "a", null);
    StorageTarget b = Probes.disk("b", "a", null);
    StorageTarget a = Probes.disk("a", "b", null);
    StorageTarget down = Probes.disk("down", "a", null);
    List<TargetEvidence> pool =
        List.of(
            new TargetEvidence(down, Probes.history(down, OK, UNREACHABLE, UNREACHABLE), null),
            new TargetEvidence(b, Probes.history(b, OK, OK), null),
            new TargetEvidence(
                fast, List.of(Probes.at(fast, 0, Probes.ok(2, 1, 1000 * MIB, 900 * MIB))), null),
            new TargetEvidence(a, Probes.history(a, OK, OK), null));
    List<TargetScore> ranked = M.rank(pool, Probes.T0.plusSeconds(3600));
    assertThat(ranked)
        .extracting(TargetScore::target)
        .containsExactly(
            TargetId.of("fast"), TargetId.of("a"), TargetId.of("b"), TargetId.of("down"));
    assertThat(ranked.get(1).total()).isEqualTo(ranked.get(2).total());
    assertThat(ranked.get(3).state()).isEqualTo(ServiceState.FAILING);
  }
}
