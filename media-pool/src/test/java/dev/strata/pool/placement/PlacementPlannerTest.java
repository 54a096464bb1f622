package dev.strata.pool.placement;

import static dev.strata.pool.MediaClass.DISK;
import static dev.strata.pool.MediaClass.OBJECT;
import static dev.strata.pool.MediaClass.TAPE;
import static dev.strata.pool.placement.Pools.candidate;
import static dev.strata.pool.placement.Pools.good;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.PricePerGibMonth;
import dev.strata.pool.TargetId;
import dev.strata.pool.TargetState;
import dev.strata.pool.policy.DefaultPolicies;
import dev.strata.pool.policy.PolicyTerms;
import dev.strata.pool.policy.Requirement;
import dev.strata.pool.policy.ServiceFloor;
import dev.strata.pool.policy.VerificationDepth;
import dev.strata.pool.rank.ServiceState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlacementPlannerTest {
  private static final PlacementPlanner PLANNER = new PlacementPlanner();
  private static final long GIB = 1L << 30;

  private static List<String> targets(PlacementPlan p) {
    return p.copies().stream().map(c -> c.target().value()).toList();
  }

  private static Map<String, Rejection> rejections(PlacementPlan p) {
    return p.rejections().stream()
        .collect(Collectors.toMap(r -> r.target().value(), Function.identity()));
  }

  @Test
  void goldGoesToTapeAndDiskInThreeDataCentersEvenWhenBetterTargetsCrowdOneSite() {
    List<Candidate> pool =
        List.of(
            good("a-disk1", "a", DISK, 90),
            good("a-disk2", "a", DISK, 89),
            good("a-obj", "a", OBJECT, 88),
            good("b-disk", "b", DISK, 70),
            good("b-tape", "b", TAPE, 60),
            good("c-obj", "c", OBJECT, 50),
            good("c-tape", "c", TAPE, 40));
    PlacementPlan p = PLANNER.plan(PlacementRequest.of(DefaultPolicies.gold(), GIB), pool);
    assertThat(p.satisfiable()).isTrue();
    assertThat(targets(p)).containsExactly("a-disk1", "b-disk", "c-tape");
    assertThat(p.copies().get(0).fulfils())
        .contains("a copy on DISK", "a new data center (a)", "the restore-time objective");
    assertThat(p.copies().get(1).passedOver())
        .extracting(Rejection::target, Rejection::constraint)
        .containsExactly(
            tuple(TargetId.of("a-disk2"), Constraint.DATA_CENTERS),
            tuple(TargetId.of("a-obj"), Constraint.DATA_CENTERS));
    // Last copy: b-tape sits in a data center that has one; c-obj would leave TAPE unmet.
    assertThat(p.copies().get(2).passedOver())
        .extracting(Rejection::target, Rejection::constraint)
        .containsExactly(
            tuple(TargetId.of("a-disk2"), Constraint.DATA_CENTERS),
            tuple(TargetId.of("a-obj"), Constraint.DATA_CENTERS),
            tuple(TargetId.of("b-tape"), Constraint.DATA_CENTERS),
            tuple(TargetId.of("c-obj"), Constraint.MEDIA_CLASS));
    assertThat(p.copies().get(2).fulfils()).contains("a copy on TAPE", "a new data center (c)");
    Map<String, Rejection> why = rejections(p);
    assertThat(why.get("a-disk2").constraint()).isEqualTo(Constraint.DATA_CENTERS);
    assertThat(why.get("c-obj").constraint()).isEqualTo(Constraint.MEDIA_CLASS);
    assertThat(why).hasSize(4);
  }

  @Test
  void everyIneligibleCandidateIsRejectedWithTheConstraintItFails() {
    PolicyTerms silver = DefaultPolicies.silver(); // floor: 95%, 10/20 MB/s, 1% errors
    List<Candidate> pool =
        List.of(
            good("ok-a", "a", DISK, 10),
            good("ok-b", "b", OBJECT, 10),
            candidate(
                "potential",
                "a",
                DISK,
                TargetState.POTENTIAL,
                ServiceState.HEALTHY,
                99,
                GIB * 10,
                -1,
                Pools.Quality.GOOD),
            candidate(
                "draining",
                "a",
                DISK,
                TargetState.DRAINING,
                ServiceState.HEALTHY,
                99,
                GIB * 10,
                -1,
                Pools.Quality.GOOD),
            candidate(
                "failing",
                "a",
                DISK,
                TargetState.ACTIVE,
                ServiceState.FAILING,
                99,
                GIB * 10,
                -1,
                Pools.Quality.GOOD),
            candidate(
                "unknown",
                "a",
                DISK,
                TargetState.ACTIVE,
                ServiceState.UNKNOWN,
                99,
                GIB * 10,
                -1,
                Pools.Quality.UNMEASURED),
            candidate(
                "weak",
                "a",
                DISK,
                TargetState.ACTIVE,
                ServiceState.DEGRADED,
                99,
                GIB * 10,
                -1,
                Pools.Quality.WEAK),
            candidate(
                "full",
                "a",
                DISK,
                TargetState.ACTIVE,
                ServiceState.HEALTHY,
                99,
                GIB - 1,
                -1,
                Pools.Quality.GOOD),
            candidate(
                "no-capacity",
                "a",
                DISK,
                TargetState.ACTIVE,
                ServiceState.HEALTHY,
                99,
                -1,
                -1,
                Pools.Quality.GOOD));
    PlacementPlan p = PLANNER.plan(PlacementRequest.of(silver, GIB), pool);
    assertThat(targets(p)).containsExactlyInAnyOrder("ok-a", "ok-b");
    Map<String, Rejection> why = rejections(p);
    assertThat(why.get("potential").constraint()).isEqualTo(Constraint.TARGET_STATE);
    assertThat(why.get("draining").detail()).contains("DRAINING");
    assertThat(why.get("failing").constraint()).isEqualTo(Constraint.SERVICE_STATE);
    assertThat(why.get("unknown").constraint()).isEqualTo(Constraint.SERVICE_STATE);
    assertThat(why.get("weak").constraint()).isEqualTo(Constraint.FLOOR_WRITE_THROUGHPUT);
    assertThat(why.get("full").constraint()).isEqualTo(Constraint.CAPACITY);
    assertThat(why.get("no-capacity").detail()).contains("not reported");
  }

  @Test
  void eachFloorFigureIsChecked() {
    ServiceFloor floor = new ServiceFloor(0.9, 10 * Pools.MB, 10 * Pools.MB, 0.01);
    PolicyTerms terms =
        PolicyTerms.builder()
            .copies(1)
            .retention(Duration.ofDays(10))
            .verifyEvery(Duration.ofDays(1), VerificationDepth.ALL)
            .restoreTimeObjective(Duration.ofDays(1000))
            .floor(floor)
            .price(PricePerGibMonth.ZERO)
            .build();
    Candidate weak =
        candidate(
            "w",
            "a",
            DISK,
            TargetState.ACTIVE,
            ServiceState.HEALTHY,
            1,
            GIB,
            -1,
            Pools.Quality.WEAK);
    PlacementPlan p = PLANNER.plan(PlacementRequest.of(terms, 1), List.of(weak));
    assertThat(p.rejections().get(0).constraint()).isEqualTo(Constraint.FLOOR_WRITE_THROUGHPUT);
    PolicyTerms onlyErrors =
        PolicyTerms.builder()
            .copies(1)
            .retention(Duration.ofDays(10))
            .verifyEvery(Duration.ofDays(1), VerificationDepth.ALL)
            .restoreTimeObjective(Duration.ofDays(1000))
            .floor(new ServiceFloor(0, 0, 0, 0.01))
            .price(PricePerGibMonth.ZERO)
            .build();
    p = PLANNER.plan(PlacementRequest.of(onlyErrors, 1), List.of(weak));
    assertThat(p.rejections().get(0).constraint()).isEqualTo(Constraint.FLOOR_ERROR_RATE);
    assertThat(p.rejections().get(0).detail()).contains("2.00%").contains("1.00%");
  }

  @Test
  void equalScoresGoToTheCheaperTargetThenTheSmallerId() {
    PolicyTerms bronze = DefaultPolicies.bronze();
    Candidate dear =
        candidate(
            "a-dear",
            "a",
            DISK,
            TargetState.ACTIVE,
            ServiceState.HEALTHY,
            50,
            GIB,
            9_000,
            Pools.Quality.GOOD);
    Candidate cheap =
        candidate(
            "z-cheap",
            "a",
            DISK,
            TargetState.ACTIVE,
            ServiceState.HEALTHY,
            50,
            GIB,
            1_000,
            Pools.Quality.GOOD);
    assertThat(targets(PLANNER.plan(PlacementRequest.of(bronze, 1), List.of(dear, cheap))))
        .containsExactly("z-cheap");
    assertThat(
            targets(
                PLANNER.plan(
                    PlacementRequest.of(bronze, 1),
                    List.of(good("m", "a", DISK, 50), good("b", "a", DISK, 50)))))
        .containsExactly("b");
  }

  @Test
  void existingCopiesCountAndTheirTargetsAreNotChosenAgain() {
    List<Candidate> pool =
        List.of(good("a1", "a", DISK, 90), good("b1", "b", TAPE, 80), good("c1", "c", DISK, 70));
    PlacementRequest r =
        new PlacementRequest(
            DefaultPolicies.gold(),
            GIB,
            List.of(new ExistingCopy(TargetId.of("a1"), DataCenterId.of("a"), DISK)));
    PlacementPlan p = PLANNER.plan(r, pool);
    assertThat(targets(p)).containsExactly("b1", "c1");
    assertThat(rejections(p).get("a1").constraint()).isEqualTo(Constraint.HOLDS_COPY);
  }

  @Test
  void nothingToAddWhenTheExistingCopiesMeetThePolicy() {
    PlacementRequest r =
        new PlacementRequest(
            DefaultPolicies.bronze(),
            GIB,
            List.of(new ExistingCopy(TargetId.of("a1"), DataCenterId.of("a"), DISK)));
    PlacementPlan p = PLANNER.plan(r, List.of(good("a1", "a", DISK, 90), good("b", "b", DISK, 1)));
    assertThat(p.satisfiable()).isTrue();
    assertThat(p.copies()).isEmpty();
    assertThat(rejections(p).get("b").constraint()).isEqualTo(Constraint.OUTRANKED);
  }

  @Test
  void goldInOneDataCenterSaysTheSpreadCannotBeMet() {
    List<Candidate> pool = List.of(good("d", "local", DISK, 50), good("v", "local", TAPE, 40));
    PlacementPlan p = PLANNER.plan(PlacementRequest.of(DefaultPolicies.gold(), GIB), pool);
    assertThat(p.satisfiable()).isFalse();
    assertThat(p.copies()).isEmpty();
    assertThat(p.unmet())
        .extracting(Unmet::requirement)
        .containsExactly(Requirement.COPIES, Requirement.DATA_CENTERS);
    assertThat(p.unmet().get(1).reason())
        .contains("3 more data centers")
        .contains("only 1 more [local]");
    assertThat(p.rejections()).hasSize(2);
  }

  @Test
  void aMissingMediaClassIsNamed() {
    List<Candidate> pool =
        List.of(good("a", "a", DISK, 50), good("b", "b", DISK, 40), good("c", "c", OBJECT, 30));
    PlacementPlan p = PLANNER.plan(PlacementRequest.of(DefaultPolicies.gold(), GIB), pool);
    assertThat(p.unmet()).extracting(Unmet::requirement).containsExactly(Requirement.MEDIA_CLASS);
    assertThat(p.unmet().get(0).mediaClass()).isEqualTo(TAPE);
    assertThat(p.unmet().get(0).reason()).contains("only 0 eligible TAPE targets");
  }

  @Test
  void requirementsThatOnlyClashTogetherAreNamedTogether() {
    // Tape only in data center a, disk only in a: gold needs both plus three data centers.
    List<Candidate> pool =
        List.of(
            good("a-tape", "a", TAPE, 50),
            good("a-disk", "a", DISK, 40),
            good("b-obj", "b", OBJECT, 30),
            good("c-obj", "c", OBJECT, 30));
    PlacementPlan p = PLANNER.plan(PlacementRequest.of(DefaultPolicies.gold(), GIB), pool);
    assertThat(p.satisfiable()).isFalse();
    assertThat(p.unmet()).hasSize(1);
    assertThat(p.unmet().get(0).reason())
        .contains("together")
        .contains("the data-center spread")
        .contains("the media classes");
  }

  @Test
  void theRestoreObjectiveNeedsOneCopyOnAFastEnoughTarget() {
    Candidate vault =
        candidate(
            "vault",
            "a",
            TAPE,
            TargetState.ACTIVE,
            ServiceState.HEALTHY,
            90,
            GIB * 10,
            -1,
            Pools.Quality.REMOTE);
    PlacementPlan p =
        PLANNER.plan(PlacementRequest.of(DefaultPolicies.bronze(), GIB), List.of(vault));
    assertThat(p.unmet()).extracting(Unmet::requirement).containsExactly(Requirement.RESTORE_TIME);
    PlacementPlan withDisk =
        PLANNER.plan(
            PlacementRequest.of(DefaultPolicies.bronze(), GIB),
            List.of(vault, good("disk", "b", DISK, 10)));
    assertThat(targets(withDisk)).containsExactly("disk");
    assertThat(rejections(withDisk).get("vault").constraint()).isEqualTo(Constraint.RESTORE_TIME);
  }

  @Test
  void existingCopiesThatFillThePolicyWrongNeedAMoveAndSaySo() {
    PlacementRequest r =
        new PlacementRequest(
            DefaultPolicies.silver(),
            GIB,
            List.of(
                new ExistingCopy(TargetId.of("a1"), DataCenterId.of("a"), DISK),
                new ExistingCopy(TargetId.of("a2"), DataCenterId.of("a"), DISK)));
    PlacementPlan p = PLANNER.plan(r, List.of(good("b1", "b", DISK, 1)));
    assertThat(p.satisfiable()).isFalse();
    assertThat(p.unmet()).extracting(Unmet::requirement).contains(Requirement.DATA_CENTERS);
    assertThat(p.unmet().get(0).reason()).contains("needs a copy moved");
  }

  @Test
  void percentagesKeepTwoDecimals() {
    assertThat(PlacementPlanner.pct(0.995)).isEqualTo("99.50%");
    assertThat(PlacementPlanner.pct(0.001)).isEqualTo("0.10%");
    assertThat(PlacementPlanner.pct(0.0005)).isEqualTo("0.05%");
    assertThat(PlacementPlanner.pct(1)).isEqualTo("100.00%");
    assertThat(PlacementPlanner.pct(0)).isEqualTo("0.00%");
  }

  @Test
  void refusesTheSameCandidateTwice() {
    assertThatThrownBy(
            () ->
                PLANNER.plan(
                    PlacementRequest.of(DefaultPolicies.bronze(), 1),
                    List.of(good("a", "a", DISK, 1), good("a", "b", DISK, 2))))
        .isInstanceOf(InvalidValueException.class);
  }
}
