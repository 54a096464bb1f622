package dev.strata.pool.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.MediaClass;
import dev.strata.pool.TargetId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyRequirementsTest {
  private static final CopyRequirements GOLD = DefaultPolicies.gold().requirements();

  private static CopyFacts copy(String target, String dc, MediaClass mc, boolean fast) {
    return new CopyFacts(TargetId.of(target), DataCenterId.of(dc), mc, fast);
  }

  @Test
  void noCopiesMissEveryRequirement() {
    assertThat(GOLD.shortfalls(List.of()))
        .containsExactly(
            new Shortfall(Requirement.COPIES, null, 3, 0),
            new Shortfall(Requirement.DATA_CENTERS, null, 3, 0),
            new Shortfall(Requirement.MEDIA_CLASS, MediaClass.TAPE, 1, 0),
            new Shortfall(Requirement.MEDIA_CLASS, MediaClass.DISK, 1, 0),
            new Shortfall(Requirement.RESTORE_TIME, null, 1, 0));
  }

  @Test
  void aCompliantSetMissesNothing() {
    assertThat(
            GOLD.shortfalls(
                List.of(
                    copy("t1", "a", MediaClass.TAPE, false),
                    copy("d1", "b", MediaClass.DISK, true),
                    copy("o1", "c", MediaClass.OBJECT, false))))
        .isEmpty();
  }

  @Test
  void twoCopiesOnOneTargetCountOnceAndOneDataCenterOnce() {
    List<Shortfall> s =
        GOLD.shortfalls(
            List.of(
                copy("t1", "a", MediaClass.TAPE, false),
                copy("t1", "a", MediaClass.TAPE, false),
                copy("d1", "a", MediaClass.DISK, true)));
    assertThat(s)
        .containsExactly(
            new Shortfall(Requirement.COPIES, null, 3, 2),
            new Shortfall(Requirement.DATA_CENTERS, null, 3, 1));
    assertThat(s.get(0).describe()).isEqualTo("2 of 3 copies");
    assertThat(s.get(1).missing()).isEqualTo(2);
  }

  @Test
  void restoreTimeNeedsMeasuredFiguresWithinTheObjective() {
    CopyRequirements r = GOLD; // 4 hours
    long gib = 1L << 30;
    assertThat(r.restorableInTime(100 * gib, 1_000_000, 100_000_000)).isTrue(); // ~18 min
    assertThat(r.restorableInTime(10_000 * gib, 1_000_000, 100_000_000)).isFalse(); // ~30 h
    assertThat(r.restorableInTime(gib, -1, 100_000_000)).isFalse();
    assertThat(r.restorableInTime(gib, 0, 0)).isFalse();
    assertThat(
            GOLD.shortfalls(
                    List.of(
                        copy("t1", "a", MediaClass.TAPE, false),
                        copy("d1", "b", MediaClass.DISK, false),
                        copy("o1", "c", MediaClass.OBJECT, false)))
                .get(0)
                .describe())
        .contains("restore-time objective");
  }
}
