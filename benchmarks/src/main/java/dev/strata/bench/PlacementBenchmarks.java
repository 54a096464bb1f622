package dev.strata.bench;

import dev.strata.pool.DataCenter;
import dev.strata.pool.DataCenterId;
import dev.strata.pool.MediaClass;
import dev.strata.pool.NetworkLink;
import dev.strata.pool.PricePerGibMonth;
import dev.strata.pool.ProbeMeasurement;
import dev.strata.pool.ProbeResult;
import dev.strata.pool.ProbeThresholds;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetState;
import dev.strata.pool.placement.Candidate;
import dev.strata.pool.placement.PlacementPlan;
import dev.strata.pool.placement.PlacementPlanner;
import dev.strata.pool.placement.PlacementRequest;
import dev.strata.pool.policy.DefaultPolicies;
import dev.strata.pool.rank.RankingModel;
import dev.strata.pool.rank.TargetEvidence;
import dev.strata.pool.rank.TargetScore;
import dev.strata.pool.rank.VerificationTally;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The media service pool at scale: 1,000 targets in 10 data centers (a third each tape, disk and
 * object storage; 20 probes each, 2% of them failed; one target in ten potential, draining or below
 * the floor), seeded so every run sees the same pool. {@code planGold} and {@code planSilver} are
 * one placement each over the ranked pool (target: median under 1 ms); {@code rankPool} scores and
 * sorts the whole pool from its probe history.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class PlacementBenchmarks {
  private static final int TARGETS = 1_000;
  private static final int DATA_CENTERS = 10;
  private static final long MIB = 1L << 20;
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private final PlacementPlanner planner = new PlacementPlanner();
  private List<TargetEvidence> evidence;
  private List<Candidate> pool;
  private PlacementRequest gold;
  private PlacementRequest silver;

  @Setup
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(11);
    List<DataCenter> dcs = new ArrayList<>();
    for (int d = 0; d < DATA_CENTERS; d++) {
      dcs.add(
          DataCenter.establish(
              DataCenterId.of("dc-" + d), null, null, NetworkLink.WAN, NOW.minusSeconds(86_400)));
    }
    TargetKind[] kinds = {TargetKind.VTL, TargetKind.DISK, TargetKind.OBJECT_STORE};
    evidence = new ArrayList<>(TARGETS);
    List<StorageTarget> targets = new ArrayList<>(TARGETS);
    for (int i = 0; i < TARGETS; i++) {
      TargetKind kind = kinds[i % kinds.length];
      String endpoint =
          switch (kind) {
            case VTL -> "vtl:/srv/vtl-" + i;
            case DISK -> "file:/srv/disk-" + i;
            default -> "s3://bucket-" + i;
          };
      int roll = rnd.nextInt(10);
      StorageTarget t =
          StorageTarget.register(
              TargetId.of(String.format("t-%04d", i)),
              dcs.get(rnd.nextInt(DATA_CENTERS)),
              kind,
              null,
              endpoint,
              null,
              PricePerGibMonth.ofMicros(2_000 + rnd.nextInt(20_000)),
              roll == 0 ? TargetState.POTENTIAL : TargetState.ACTIVE,
              NOW.minusSeconds(86_400));
      if (roll == 1) {
        t.drain(NOW.minusSeconds(3_600));
      }
      targets.add(t);
      long total = (1L << 40) * (1 + rnd.nextInt(100));
      long writeMicros = roll == 2 ? 500_000 : 2_000 + rnd.nextInt(20_000);
      long readMicros = 1_000 + rnd.nextInt(10_000);
      List<ProbeResult> probes = new ArrayList<>(20);
      for (int p = 0; p < 20; p++) {
        boolean fail = rnd.nextInt(50) == 0;
        ProbeMeasurement m =
            fail
                ? ProbeMeasurement.unreachable("timeout")
                : new ProbeMeasurement(
                    true,
                    total,
                    total / 2 + rnd.nextLong(total / 2),
                    MIB,
                    Duration.ofNanos(writeMicros * 1_000),
                    Duration.ofNanos(readMicros * 1_000),
                    true,
                    "");
        probes.add(
            ProbeResult.assess(t, m, NOW.minusSeconds(900L * (20 - p)), ProbeThresholds.DEFAULT));
      }
      evidence.add(new TargetEvidence(t, probes, new VerificationTally(100, 0)));
    }
    List<TargetScore> ranked = RankingModel.DEFAULT.rank(evidence, NOW);
    pool = new ArrayList<>(TARGETS);
    for (TargetScore s : ranked) {
      StorageTarget t = targets.get(Integer.parseInt(s.target().value().substring(2)));
      pool.add(Candidate.of(t, s));
    }
    gold = PlacementRequest.of(DefaultPolicies.gold(), 10L << 30);
    silver = PlacementRequest.of(DefaultPolicies.silver(), 10L << 30);
    PlacementPlan check = planner.plan(gold, pool);
    if (!check.satisfiable() || check.copies().size() != 3) {
      throw new IllegalStateException(
          "the benchmark pool must admit a gold plan: " + check.unmet());
    }
    if (check.copies().stream().map(c -> c.mediaClass()).noneMatch(c -> c == MediaClass.TAPE)) {
      throw new IllegalStateException("a gold plan has a tape copy");
    }
  }

  @Benchmark
  public PlacementPlan planGold() {
    return planner.plan(gold, pool);
  }

  @Benchmark
  public PlacementPlan planSilver() {
    return planner.plan(silver, pool);
  }

  @Benchmark
  public List<TargetScore> rankPool() {
    return RankingModel.DEFAULT.rank(evidence, NOW);
  }
}
