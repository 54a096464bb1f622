package dev.strata.pool.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.MediaClass;
import dev.strata.pool.PricePerGibMonth;
import dev.strata.pool.TargetId;
import dev.strata.pool.TargetState;
import dev.strata.pool.policy.CopyFacts;
import dev.strata.pool.policy.CopyRequirements;
import dev.strata.pool.policy.PolicyTerms;
import dev.strata.pool.policy.ServiceFloor;
import dev.strata.pool.policy.VerificationDepth;
import dev.strata.pool.rank.ServiceFigures;
import dev.strata.pool.rank.ServiceState;
import dev.strata.pool.rank.TargetScore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the planner over generated pools: small enough (up to 8 candidates in 4 data
 * centers, up to 4 copies) that every subset can be tried, so the planner is checked against brute
 * force, not only against itself. Scenarios come from a seeded generator (the same seed, the same
 * scenarios: a failure names its seed and trial and reproduces), thousands per property.
 */
class PlacementPropertiesTest {
  private static final PlacementPlanner PLANNER = new PlacementPlanner();
  private static final String[] DCS = {"a", "b", "c", "d"};
  private static final long SEED = 0x5EED_0F_57A7AL;

  record Scenario(PlacementRequest request, List<Candidate> pool) {}

  /** Draws scenarios: states, service, quality and policies weighted as an operator meets them. */
  static final class Scenarios {
    private final SplittableRandom random;

    Scenarios(long seed) {
      random = new SplittableRandom(seed);
    }

    private <T> T pick(T[] values) {
      return values[random.nextInt(values.length)];
    }

    /** {@code weights[i]} is the weight of {@code values[i]}. */
    private <T> T weighted(T[] values, int... weights) {
      int total = 0;
      for (int w : weights) {
        total += w;
      }
      int r = random.nextInt(total);
      for (int i = 0; i < values.length; i++) {
        r -= weights[i];
        if (r < 0) {
          return values[i];
        }
      }
      throw new IllegalStateException();
    }

    Scenario next() {
      int n = 2 + random.nextInt(7);
      List<Candidate> pool = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Candidate c =
            Pools.candidate(
                "x",
                pick(DCS),
                pick(MediaClass.values()),
                weighted(
                    new TargetState[] {
                      TargetState.ACTIVE, TargetState.POTENTIAL, TargetState.DRAINING
                    },
                    10,
                    1,
                    1),
                weighted(
                    new ServiceState[] {
                      ServiceState.HEALTHY,
                      ServiceState.DEGRADED,
                      ServiceState.FAILING,
                      ServiceState.UNKNOWN
                    },
                    8,
                    2,
                    1,
                    1),
                pick(new Double[] {10.0, 20.0, 30.0}),
                weighted(new Long[] {-1L, 0L, 100L, 1_000L}, 1, 1, 2, 6),
                pick(new Long[] {-1L, 1L, 2L}),
                weighted(
                    new Pools.Quality[] {
                      Pools.Quality.GOOD,
                      Pools.Quality.WEAK,
                      Pools.Quality.REMOTE,
                      Pools.Quality.UNMEASURED
                    },
                    8,
                    2,
                    2,
                    1));
        TargetId id = TargetId.of("t" + i);
        pool.add(
            new Candidate(
                id,
                c.dataCenter(),
                c.mediaClass(),
                c.targetState(),
                new TargetScore(id, c.score().total(), c.serviceState(), c.figures(), List.of()),
                c.cost()));
      }
      int copies = 1 + random.nextInt(4);
      int t = Math.min(random.nextInt(copies + 1), copies);
      int d = Math.min(random.nextInt(copies + 1), copies - t);
      int o = Math.min(random.nextInt(copies + 1), copies - t - d);
      PolicyTerms policy =
          PolicyTerms.builder()
              .copies(copies)
              .minDataCenters(1 + random.nextInt(copies))
              .atLeast(t, MediaClass.TAPE)
              .atLeast(d, MediaClass.DISK)
              .atLeast(o, MediaClass.OBJECT)
              .retention(Duration.ofDays(30))
              .verifyEvery(Duration.ofDays(1), VerificationDepth.ALL)
              .floor(
                  weighted(
                      new ServiceFloor[] {
                        ServiceFloor.NONE,
                        new ServiceFloor(0.99, 10 * Pools.MB, 10 * Pools.MB, 0.01)
                      },
                      3,
                      1))
              .restoreTimeObjective(
                  pick(new Duration[] {Duration.ofHours(1), Duration.ofDays(1000)}))
              .price(PricePerGibMonth.ZERO)
              .build();
      long size = pick(new Long[] {0L, 50L, 500L});
      return new Scenario(new PlacementRequest(policy, size, existing(pool)), pool);
    }

    /** Up to two distinct existing copies, on candidates of the pool or on a target outside it. */
    private List<ExistingCopy> existing(List<Candidate> pool) {
      List<ExistingCopy> choices = new ArrayList<>();
      for (Candidate c : pool) {
        choices.add(new ExistingCopy(c.target(), c.dataCenter(), c.mediaClass()));
      }
      choices.add(new ExistingCopy(TargetId.of("gone"), DataCenterId.of("e"), MediaClass.TAPE));
      Collections.shuffle(choices, new Random(random.nextLong()));
      return List.copyOf(choices.subList(0, random.nextInt(3)));
    }
  }

  // ---- an independent reading of the rules, for brute force ----

  private static boolean eligible(Candidate c, PlacementRequest r, Set<TargetId> holding) {
    ServiceFloor f = r.policy().floor();
    ServiceFigures m = c.figures();
    return c.targetState() == TargetState.ACTIVE
        && !holding.contains(c.target())
        && (c.serviceState() == ServiceState.HEALTHY || c.serviceState() == ServiceState.DEGRADED)
        && (f.minAvailability() == 0 || m.availability().orElse(-1) >= f.minAvailability())
        && (f.minWriteBytesPerSecond() == 0
            || m.writeBytesPerSecond().orElse(-1) >= f.minWriteBytesPerSecond())
        && (f.minReadBytesPerSecond() == 0
            || m.readBytesPerSecond().orElse(-1) >= f.minReadBytesPerSecond())
        && m.errorRate().orElse(0) <= f.maxErrorRate()
        && m.freeBytes().orElse(-1) >= r.sizeBytes();
  }

  private static CopyFacts facts(
      TargetId t,
      DataCenterId dc,
      MediaClass mc,
      Map<TargetId, Candidate> byId,
      PlacementRequest r) {
    Candidate c = byId.get(t);
    CopyRequirements req = r.policy().requirements();
    boolean fast =
        c != null
            && req.restorableInTime(
                r.sizeBytes(),
                c.figures().latencyMicros().orElse(-1),
                c.figures().readBytesPerSecond().orElse(-1));
    return new CopyFacts(t, dc, mc, fast);
  }

  /** The first feasible set of new copies in preference order (lexicographic), or null. */
  private static List<TargetId> bruteForce(Scenario s) {
    PlacementRequest r = s.request();
    Map<TargetId, Candidate> byId = new HashMap<>();
    s.pool().forEach(c -> byId.put(c.target(), c));
    Set<TargetId> holding = new HashSet<>();
    List<CopyFacts> base = new ArrayList<>();
    for (ExistingCopy e : r.existing()) {
      holding.add(e.target());
      base.add(facts(e.target(), e.dataCenter(), e.mediaClass(), byId, r));
    }
    List<Candidate> ordered = new ArrayList<>(s.pool());
    ordered.sort(PlacementPlanner.PREFERENCE);
    List<Candidate> ok = new ArrayList<>();
    for (Candidate c : ordered) {
      if (eligible(c, r, holding)) {
        ok.add(c);
      }
    }
    int k = Math.max(0, r.policy().copies() - holding.size());
    List<TargetId> found = new ArrayList<>();
    return search(ok, 0, k, base, found, r, byId) ? found : null;
  }

  private static boolean search(
      List<Candidate> ok,
      int from,
      int k,
      List<CopyFacts> chosen,
      List<TargetId> found,
      PlacementRequest r,
      Map<TargetId, Candidate> byId) {
    if (k == 0) {
      return r.policy().requirements().shortfalls(chosen).isEmpty();
    }
    for (int i = from; i < ok.size(); i++) {
      Candidate c = ok.get(i);
      chosen.add(facts(c.target(), c.dataCenter(), c.mediaClass(), byId, r));
      found.add(c.target());
      if (search(ok, i + 1, k - 1, chosen, found, r, byId)) {
        return true;
      }
      chosen.remove(chosen.size() - 1);
      found.remove(found.size() - 1);
    }
    return false;
  }

  @Test
  void findsAPlanExactlyWhenOneExistsAndItIsTheFirstInPreferenceOrder() {
    Scenarios scenarios = new Scenarios(SEED);
    int satisfiable = 0;
    int unsatisfiable = 0;
    int threeCopies = 0;
    for (int trial = 0; trial < 3000; trial++) {
      Scenario s = scenarios.next();
      PlacementPlan plan = PLANNER.plan(s.request(), s.pool());
      List<TargetId> brute = bruteForce(s);
      String at = "seed " + SEED + ", trial " + trial + ": " + s;
      assertThat(plan.satisfiable()).as(at).isEqualTo(brute != null);
      if (brute != null) {
        satisfiable++;
        assertThat(plan.copies())
            .as(at)
            .extracting(PlannedCopy::target)
            .containsExactlyElementsOf(brute);
      } else {
        unsatisfiable++;
        assertThat(plan.copies()).as(at).isEmpty();
        assertThat(plan.unmet()).as(at).isNotEmpty();
      }
      if (plan.copies().size() == 3) {
        threeCopies++;
      }
    }
    // The generator must keep producing both answers and multi-copy plans, or this proves little.
    assertThat(satisfiable).as("satisfiable scenarios").isGreaterThan(300);
    assertThat(unsatisfiable).as("unsatisfiable scenarios").isGreaterThan(300);
    assertThat(threeCopies).as("plans adding three copies").isGreaterThan(10);
  }

  @Test
  void aPlanNeverBreaksARule() {
    Scenarios scenarios = new Scenarios(SEED + 1);
    for (int trial = 0; trial < 1000; trial++) {
      Scenario s = scenarios.next();
      String at = "seed " + (SEED + 1) + ", trial " + trial + ": " + s;
      PlacementRequest r = s.request();
      PlacementPlan plan = PLANNER.plan(r, s.pool());
      Map<TargetId, Candidate> byId = new HashMap<>();
      s.pool().forEach(c -> byId.put(c.target(), c));
      Set<TargetId> holding = new HashSet<>();
      List<CopyFacts> all = new ArrayList<>();
      Set<DataCenterId> dcs = new HashSet<>();
      for (ExistingCopy e : r.existing()) {
        holding.add(e.target());
        all.add(facts(e.target(), e.dataCenter(), e.mediaClass(), byId, r));
        dcs.add(e.dataCenter());
      }
      Set<TargetId> targets = new HashSet<>();
      for (PlannedCopy pc : plan.copies()) {
        Candidate c = byId.get(pc.target());
        assertThat(targets.add(pc.target())).as("one copy per target; " + at).isTrue();
        assertThat(eligible(c, r, holding))
            .as("active, serving, above the floor, with room: %s; %s", c, at)
            .isTrue();
        assertThat(c.figures().freeBytes().getAsLong())
            .as(at)
            .isGreaterThanOrEqualTo(r.sizeBytes());
        all.add(facts(c.target(), c.dataCenter(), c.mediaClass(), byId, r));
        boolean newDc = dcs.add(c.dataCenter());
        if (r.policy().minDataCenters() == r.policy().copies()) {
          assertThat(newDc).as("no copy added where another copy already is; " + at).isTrue();
        }
      }
      if (plan.satisfiable()) {
        assertThat(r.policy().requirements().shortfalls(all)).as(at).isEmpty();
      }
      // Every candidate that got no copy is explained exactly once.
      Set<TargetId> explained = new HashSet<>();
      for (Rejection rej : plan.rejections()) {
        assertThat(explained.add(rej.target())).as(at).isTrue();
        assertThat(rej.detail()).as(at).isNotBlank();
      }
      explained.addAll(targets);
      assertThat(explained).as(at).hasSize(s.pool().size());
    }
  }

  @Test
  void theOrderOfTheCandidatesDoesNotMatter() {
    Scenarios scenarios = new Scenarios(SEED + 2);
    Random shuffles = new Random(SEED + 3);
    for (int trial = 0; trial < 1000; trial++) {
      Scenario s = scenarios.next();
      List<Candidate> shuffled = new ArrayList<>(s.pool());
      Collections.shuffle(shuffled, shuffles);
      assertThat(PLANNER.plan(s.request(), shuffled))
          .as("seed " + (SEED + 2) + ", trial " + trial)
          .isEqualTo(PLANNER.plan(s.request(), s.pool()));
    }
  }
}
