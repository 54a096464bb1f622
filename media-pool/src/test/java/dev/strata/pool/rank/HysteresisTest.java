package dev.strata.pool.rank;

import static dev.strata.pool.ProbeOutcome.DEGRADED;
import static dev.strata.pool.ProbeOutcome.FAILED;
import static dev.strata.pool.ProbeOutcome.NO_DRIVER;
import static dev.strata.pool.ProbeOutcome.OK;
import static dev.strata.pool.ProbeOutcome.UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.ProbeOutcome;
import dev.strata.pool.StorageTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class HysteresisTest {
  private static final StorageTarget T = Probes.disk("d", "a", null);
  private static final Hysteresis H = new Hysteresis(2, 3);

  private static ServiceState after(ProbeOutcome... outcomes) {
    return H.derive(Probes.history(T, outcomes));
  }

  @Test
  void oneBadProbeDoesNotTakeAHealthyTargetDown() {
    assertThat(after(OK, OK, UNREACHABLE)).isEqualTo(ServiceState.HEALTHY);
    assertThat(after(OK, UNREACHABLE, OK, FAILED, OK)).isEqualTo(ServiceState.HEALTHY);
  }

  @Test
  void kConsecutiveBadProbesTakeItDown() {
    assertThat(after(OK, UNREACHABLE, FAILED)).isEqualTo(ServiceState.FAILING);
    assertThat(after(OK, DEGRADED, DEGRADED)).isEqualTo(ServiceState.DEGRADED);
    // Worse than healthy twice, but only one of the two is failing: it goes as far as both reach.
    assertThat(after(OK, DEGRADED, UNREACHABLE)).isEqualTo(ServiceState.DEGRADED);
    assertThat(after(OK, DEGRADED, UNREACHABLE, UNREACHABLE)).isEqualTo(ServiceState.FAILING);
  }

  @Test
  void mConsecutiveGoodProbesBringItBackAndFewerDoNot() {
    assertThat(after(OK, FAILED, FAILED, OK, OK)).isEqualTo(ServiceState.FAILING);
    assertThat(after(OK, FAILED, FAILED, OK, OK, OK)).isEqualTo(ServiceState.HEALTHY);
    assertThat(after(OK, FAILED, FAILED, OK, DEGRADED, OK)).isEqualTo(ServiceState.DEGRADED);
    assertThat(after(OK, FAILED, FAILED, OK, OK, FAILED, OK, OK)).isEqualTo(ServiceState.FAILING);
  }

  @Test
  void probesWithoutDriverAreNoEvidence() {
    assertThat(after()).isEqualTo(ServiceState.UNKNOWN);
    assertThat(after(NO_DRIVER, NO_DRIVER)).isEqualTo(ServiceState.UNKNOWN);
    assertThat(after(OK, NO_DRIVER, UNREACHABLE, NO_DRIVER, UNREACHABLE))
        .isEqualTo(ServiceState.FAILING);
  }

  @Test
  void theFirstEvidenceSetsTheState() {
    assertThat(after(DEGRADED)).isEqualTo(ServiceState.DEGRADED);
    assertThat(after(UNREACHABLE)).isEqualTo(ServiceState.FAILING);
    assertThat(new Hysteresis(1, 1).derive(Probes.history(T, OK, FAILED)))
        .isEqualTo(ServiceState.FAILING);
  }

  @Test
  void theSameHistoryAlwaysGivesTheSameState() {
    ProbeOutcome[] h = {OK, DEGRADED, FAILED, FAILED, OK, DEGRADED, OK, OK, OK, UNREACHABLE};
    ServiceState first = after(h);
    for (int i = 0; i < 5; i++) {
      assertThat(after(h)).isEqualTo(first);
    }
    assertThat(List.of(ServiceState.values()))
        .filteredOn(ServiceState::mayReceiveCopies)
        .containsExactly(ServiceState.HEALTHY, ServiceState.DEGRADED);
  }

  @Test
  void refusesZeroThresholds() {
    assertThatThrownBy(() -> new Hysteresis(0, 1)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new Hysteresis(1, 0)).isInstanceOf(InvalidValueException.class);
  }
}
