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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Invariants of the planner over generated pools: small enough (up to 8 candidates in 4 data
 * centers, up to 4 copies) that every subset can be tried, so the planner is checked against brute
 * force, not only against itself.
 */
class PlacementPropertiesTest {
  private static final PlacementPlanner PLANNER = new PlacementPlanner();
  private static final String[] DCS = {"a", "b", "c", "d"};

  record Scenario(PlacementRequest request, List<Candidate> pool) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Candidate> spec =
        Combinators.combine(
                Arbitraries.of(DCS),
                Arbitraries.of(MediaClass.class),
                Arbitraries.frequency(
                    Tuple.of(10, TargetState.ACTIVE),
                    Tuple.of(1, TargetState.POTENTIAL),
                    Tuple.of(1, TargetState.DRAINING)),
                Arbitraries.frequency(
                    Tuple.of(8, ServiceState.HEALTHY),
                    Tuple.of(2, ServiceState.DEGRADED),
                    Tuple.of(1, ServiceState.FAILING),
                    Tuple.of(1, ServiceState.UNKNOWN)),
                Arbitraries.of(10.0, 20.0, 30.0),
                Arbitraries.frequency(
                    Tuple.of(1, -1L), Tuple.of(1, 0L), Tuple.of(2, 100L), Tuple.of(6, 1_000L)),
                Arbitraries.of(-1L, 1L, 2L),
                Arbitraries.frequency(
                    Tuple.of(8, Pools.Quality.GOOD),
                    Tuple.of(2, Pools.Quality.WEAK),
                    Tuple.of(2, Pools.Quality.REMOTE),
                    Tuple.of(1, Pools.Quality.UNMEASURED)))
            .as(
                (dc, mc, ts, ss, score, free, cost, q) ->
                    Pools.candidate("x", dc, mc, ts, ss, score, free, cost, q));
    Arbitrary<List<Candidate>> pools =
        spec.list()
            .ofMinSize(2)
            .ofMaxSize(8)
            .map(
                list -> {
                  List<Candidate> out = new ArrayList<>();
                  for (int i = 0; i < list.size(); i++) {
                    Candidate c = list.get(i);
                    TargetId id = TargetId.of("t" + i);
                    out.add(
                        new Candidate(
                            id,
                            c.dataCenter(),
                            c.mediaClass(),
                            c.targetState(),
                            new dev.strata.pool.rank.TargetScore(
                                id, c.score().total(), c.serviceState(), c.figures(), List.of()),
                            c.cost()));
                  }
                  return out;
                });
    Arbitrary<PolicyTerms> policies =
        Arbitraries.integers()
            .between(1, 4)
            .flatMap(
                copies ->
                    Combinators.combine(
                            Arbitraries.integers().between(1, copies),
                            Arbitraries.integers().between(0, copies),
                            Arbitraries.integers().between(0, copies),
                            Arbitraries.integers().between(0, copies),
                            Arbitraries.frequency(
                                Tuple.of(3, ServiceFloor.NONE),
                                Tuple.of(
                                    1, new ServiceFloor(0.99, 10 * Pools.MB, 10 * Pools.MB, 0.01))),
                            Arbitraries.of(Duration.ofHours(1), Duration.ofDays(1000)))
                        .as(
                            (dcs, tape, disk, object, floor, rto) -> {
                              int t = Math.min(tape, copies);
                              int d = Math.min(disk, copies - t);
                              int o = Math.min(object, copies - t - d);
                              return PolicyTerms.builder()
                                  .copies(copies)
                                  .minDataCenters(dcs)
                                  .atLeast(t, MediaClass.TAPE)
                                  .atLeast(d, MediaClass.DISK)
                                  .atLeast(o, MediaClass.OBJECT)
                                  .retention(Duration.ofDays(30))
                                  .verifyEvery(Duration.ofDays(1), VerificationDepth.ALL)
                                  .floor(floor)
                                  .restoreTimeObjective(rto)
                                  .price(PricePerGibMonth.ZERO)
                                  .build();
                            }));
    return Combinators.combine(pools, policies, Arbitraries.of(0L, 50L, 500L))
        .flatAs(
            (pool, policy, size) ->
                existing(pool).map(e -> new Scenario(new PlacementRequest(policy, size, e), pool)));
  }

  /** Up to two existing copies, on candidates of the pool or on targets outside it. */
  private static Arbitrary<List<ExistingCopy>> existing(List<Candidate> pool) {
    List<ExistingCopy> choices = new ArrayList<>();
    for (Candidate c : pool) {
      choices.add(new ExistingCopy(c.target(), c.dataCenter(), c.mediaClass()));
    }
    choices.add(new ExistingCopy(TargetId.of("gone"), DataCenterId.of("e"), MediaClass.TAPE));
    return Arbitraries.of(choices).list().ofMaxSize(2).uniqueElements();
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

  @Property(tries = 3000)
  void findsAPlanExactlyWhenOneExistsAndItIsTheFirstInPreferenceOrder(
      @ForAll("scenarios") Scenario s) {
    // The generator must keep producing both answers and multi-copy plans, or this proves little.
    Statistics.label("satisfiable")
        .coverage(
            c -> {
              c.check(true).percentage(p -> p > 10);
              c.check(false).percentage(p -> p > 10);
            });
    Statistics.label("copies added").coverage(c -> c.check(3).count(n -> n > 10));
    PlacementPlan plan = PLANNER.plan(s.request(), s.pool());
    List<TargetId> brute = bruteForce(s);
    Statistics.label("satisfiable").collect(brute != null);
    Statistics.label("copies added").collect(plan.copies().size());
    assertThat(plan.satisfiable()).isEqualTo(brute != null);
    if (brute != null) {
      assertThat(plan.copies()).extracting(PlannedCopy::target).containsExactlyElementsOf(brute);
    } else {
      assertThat(plan.copies()).isEmpty();
      assertThat(plan.unmet()).isNotEmpty();
    }
  }

  @Property(tries = 1000)
  void aPlanNeverBreaksARule(@ForAll("scenarios") Scenario s) {
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
      assertThat(targets.add(pc.target())).as("one copy per target").isTrue();
      assertThat(eligible(c, r, holding))
          .as("active, serving, above the floor, with room: %s", c)
          .isTrue();
      assertThat(c.figures().freeBytes().getAsLong()).isGreaterThanOrEqualTo(r.sizeBytes());
      all.add(facts(c.target(), c.dataCenter(), c.mediaClass(), byId, r));
      boolean newDc = dcs.add(c.dataCenter());
      if (r.policy().minDataCenters() == r.policy().copies()) {
        assertThat(newDc).as("no copy added where another copy already is").isTrue();
      }
    }
    if (plan.satisfiable()) {
      assertThat(r.policy().requirements().shortfalls(all)).isEmpty();
    }
    // Every candidate that got no copy is explained exactly once.
    Set<TargetId> explained = new HashSet<>();
    for (Rejection rej : plan.rejections()) {
      assertThat(explained.add(rej.target())).isTrue();
      assertThat(rej.detail()).isNotBlank();
    }
    explained.addAll(targets);
    assertThat(explained).hasSize(s.pool().size());
  }

  @Property(tries = 1000)
  void theOrderOfTheCandidatesDoesNotMatter(@ForAll("scenarios") Scenario s, @ForAll long seed) {
    List<Candidate> shuffled = new ArrayList<>(s.pool());
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(PLANNER.plan(s.request(), shuffled)).isEqualTo(PLANNER.plan(s.request(), s.pool()));
  }
}
