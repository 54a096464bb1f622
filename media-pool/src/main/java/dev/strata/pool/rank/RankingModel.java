package dev.strata.pool.rank;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.ProbeOutcome;
import dev.strata.pool.ProbeResult;
import dev.strata.pool.StorageTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How the media service pool is ranked: the window of probes looked at, the hysteresis of the
 * service state, the weight of each component and the reference values that put each measurement on
 * a 0..1 scale. The references are absolute (a target's score does not depend on which other
 * targets are in the pool), so a score can be explained on its own and compared across time. See
 * {@code docs/ranking.md} for the formula and the reasons behind each number.
 *
 * @param availabilityFloor availability at or below which the availability component is 0 (it is 1
 *     at 100%, linear between)
 * @param halfWriteBytesPerSecond write throughput that scores 0.5 ({@code w / (w + half)})
 * @param halfReadBytesPerSecond read throughput that scores 0.5
 * @param halfLatencyMicros latency that scores 0.5 ({@code half / (half + l)})
 * @param halfErrorRate data-error rate that scores 0.5 ({@code 1 / (1 + e / half)})
 * @param fullFreeRatio free share at and above which the free-capacity component is 1
 * @param halfCostMicros cost per GiB-month that scores 0.5 ({@code half / (half + c)})
 */
public record RankingModel(
    ProbeWindow window,
    Hysteresis hysteresis,
    Map<Component, Double> weights,
    double availabilityFloor,
    long halfWriteBytesPerSecond,
    long halfReadBytesPerSecond,
    long halfLatencyMicros,
    double halfErrorRate,
    double fullFreeRatio,
    long halfCostMicros) {

  /**
   * The neutral score of a measurement that cannot be taken (cost undeclared, nothing verified).
   */
  public static final double NEUTRAL = 0.5;

  public static final RankingModel DEFAULT =
      new RankingModel(
          ProbeWindow.DEFAULT,
          Hysteresis.DEFAULT,
          defaultWeights(),
          0.90,
          50_000_000L,
          100_000_000L,
          50_000L,
          0.01,
          0.25,
          10_000L);

  private static Map<Component, Double> defaultWeights() {
    EnumMap<Component, Double> w = new EnumMap<>(Component.class);
    w.put(Component.AVAILABILITY, 30.0);
    w.put(Component.DATA_ERRORS, 20.0);
    w.put(Component.WRITE_THROUGHPUT, 15.0);
    w.put(Component.READ_THROUGHPUT, 10.0);
    w.put(Component.LATENCY, 10.0);
    w.put(Component.FREE_CAPACITY, 10.0);
    w.put(Component.COST, 5.0);
    return w;
  }

  /** Best first: higher total, then the target id, so equal scores still order the same way. */
  public static final Comparator<TargetScore> RANK_ORDER =
      Comparator.comparingDouble(TargetScore::total)
          .reversed()
          .thenComparing(s -> s.target().value());

  public RankingModel {
    if (window == null || hysteresis == null) {
      throw new InvalidValueException("window", "a window and a hysteresis are required");
    }
    EnumMap<Component, Double> w = new EnumMap<>(Component.class);
    for (Component c : Component.values()) {
      Double v = weights == null ? null : weights.get(c);
      if (v == null || !(v >= 0) || v.isInfinite()) {
        throw new InvalidValueException("weights." + c, "every component needs a weight >= 0");
      }
      w.put(c, v);
    }
    weights = Collections.unmodifiableMap(w);
    if (!(availabilityFloor >= 0 && availabilityFloor < 1)) {
      throw new InvalidValueException("availabilityFloor", "availabilityFloor is within 0..1");
    }
    if (halfWriteBytesPerSecond <= 0
        || halfReadBytesPerSecond <= 0
        || halfLatencyMicros <= 0
        || halfCostMicros <= 0
        || !(halfErrorRate > 0 && halfErrorRate <= 1)
        || !(fullFreeRatio > 0 && fullFreeRatio <= 1)) {
      throw new InvalidValueException("references", "reference values are positive");
    }
  }

  /** The measurements behind a score: the probes of the window and the verification tally. */
  public ServiceFigures figures(List<ProbeResult> windowed, VerificationTally verifications) {
    int usable = 0;
    int serving = 0;
    int dataPath = 0;
    int dataErrors = 0;
    long[] writes = new long[windowed.size()];
    long[] reads = new long[windowed.size()];
    long[] trips = new long[windowed.size()];
    int nw = 0;
    int nr = 0;
    int nt = 0;
    OptionalLong free = OptionalLong.empty();
    OptionalLong total = OptionalLong.empty();
    for (ProbeResult r : windowed) {
      ProbeOutcome o = r.outcome();
      if (o == ProbeOutcome.NO_DRIVER) {
        continue;
      }
      usable++;
      if (o == ProbeOutcome.OK || o == ProbeOutcome.DEGRADED) {
        serving++;
      }
      if (o == ProbeOutcome.FAILED
          || (r.probeBytes() > 0 && (o == ProbeOutcome.OK || o == ProbeOutcome.DEGRADED))) {
        dataPath++;
        if (o == ProbeOutcome.FAILED) {
          dataErrors++;
        }
      }
      if (o != ProbeOutcome.FAILED) {
        OptionalLong w = r.writeBytesPerSecond();
        OptionalLong rd = r.readBytesPerSecond();
        if (w.isPresent()) {
          writes[nw++] = w.getAsLong();
        }
        if (rd.isPresent()) {
          reads[nr++] = rd.getAsLong();
        }
        if (r.writeMicros().isPresent() && r.readMicros().isPresent()) {
          trips[nt++] = r.writeMicros().getAsLong() + r.readMicros().getAsLong();
        }
      }
      if (r.freeBytes().isPresent() && r.totalBytes().isPresent()) {
        free = r.freeBytes();
        total = r.totalBytes();
      }
    }
    long observations = dataPath + verifications.checked();
    long errors = dataErrors + verifications.failed();
    return new ServiceFigures(
        usable,
        usable == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) serving / usable),
        median(writes, nw),
        median(reads, nr),
        median(trips, nt),
        observations == 0
            ? OptionalDouble.empty()
            : OptionalDouble.of((double) errors / observations),
        free,
        total);
  }

  /** The lower median, so the value is always one that was measured. */
  private static OptionalLong median(long[] values, int n) {
    if (n == 0) {
      return OptionalLong.empty();
    }
    long[] v = Arrays.copyOf(values, n);
    Arrays.sort(v);
    return OptionalLong.of(v[(n - 1) / 2]);
  }

  /** Scores one target at {@code now}. */
  public TargetScore score(TargetEvidence evidence, Instant now) {
    List<ProbeResult> windowed = window.select(evidence.probes(), now);
    ServiceFigures f = figures(windowed, evidence.verifications());
    ServiceState state = hysteresis.derive(windowed);
    List<ScoreComponent> parts = new ArrayList<>(Component.values().length);
    double sum = 0;
    for (Component c : Component.values()) {
      ScoreComponent sc = component(c, f, evidence.target());
      parts.add(sc);
      sum += sc.contribution();
    }
    return new TargetScore(evidence.target().id(), sum, state, f, parts);
  }

  /** Scores every target and orders them best first ({@link #RANK_ORDER}). */
  public List<TargetScore> rank(Collection<TargetEvidence> pool, Instant now) {
    List<TargetScore> out = new ArrayList<>(pool.size());
    for (TargetEvidence e : pool) {
      out.add(score(e, now));
    }
    out.sort(RANK_ORDER);
    return out;
  }

  private ScoreComponent component(Component c, ServiceFigures f, StorageTarget target) {
    double weight = weights.get(c);
    return switch (c) {
      case AVAILABILITY ->
          f.availability().isPresent()
              ? part(
                  c,
                  f.availability(),
                  clamp(
                      (f.availability().getAsDouble() - availabilityFloor)
                          / (1 - availabilityFloor)),
                  weight,
                  "")
              : part(c, OptionalDouble.empty(), 0, weight, "no usable probe in the window");
      case WRITE_THROUGHPUT ->
          saturating(c, f.writeBytesPerSecond(), halfWriteBytesPerSecond, weight);
      case READ_THROUGHPUT -> saturating(c, f.readBytesPerSecond(), halfReadBytesPerSecond, weight);
      case LATENCY ->
          f.latencyMicros().isPresent()
              ? part(
                  c,
                  OptionalDouble.of(f.latencyMicros().getAsLong()),
                  (double) halfLatencyMicros / (halfLatencyMicros + f.latencyMicros().getAsLong()),
                  weight,
                  "")
              : part(c, OptionalDouble.empty(), 0, weight, "no timed probe in the window");
      case DATA_ERRORS ->
          f.errorRate().isPresent()
              ? part(
                  c,
                  f.errorRate(),
                  1 / (1 + f.errorRate().getAsDouble() / halfErrorRate),
                  weight,
                  "")
              : part(
                  c,
                  OptionalDouble.empty(),
                  NEUTRAL,
                  weight,
                  "no data-path probe or verification in the window");
      case FREE_CAPACITY ->
          f.freeRatio().isPresent()
              ? part(
                  c, f.freeRatio(), clamp(f.freeRatio().getAsDouble() / fullFreeRatio), weight, "")
              : part(c, OptionalDouble.empty(), 0, weight, "capacity not reported");
      case COST ->
          target.cost().isPresent()
              ? part(
                  c,
                  OptionalDouble.of(target.cost().get().micros()),
                  (double) halfCostMicros / (halfCostMicros + target.cost().get().micros()),
                  weight,
                  "")
              : part(c, OptionalDouble.empty(), NEUTRAL, weight, "cost not declared");
    };
  }

  private static ScoreComponent saturating(Component c, OptionalLong v, long half, double weight) {
    if (v.isEmpty()) {
      return part(c, OptionalDouble.empty(), 0, weight, "no timed probe in the window");
    }
    long x = v.getAsLong();
    return part(c, OptionalDouble.of(x), (double) x / (x + half), weight, "");
  }

  private static ScoreComponent part(
      Component c, OptionalDouble raw, double normalised, double weight, String note) {
    return new ScoreComponent(c, raw, normalised, weight, normalised * weight, note);
  }

  private static double clamp(double v) {
    return v < 0 ? 0 : Math.min(1, v);
  }
}
