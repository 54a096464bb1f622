package dev.strata.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProbeResultTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final DataCenter DC =
      DataCenter.establish(DataCenterId.of("local"), null, null, NetworkLink.LOCAL, T0);
  private static final StorageTarget DISK =
      StorageTarget.register(
          TargetId.of("d"),
          DC,
          TargetKind.DISK,
          null,
          "file:/d",
          null,
          null,
          TargetState.ACTIVE,
          T0);

  private static ProbeMeasurement healthy(long total, long free) {
    return new ProbeMeasurement(
        true, total, free, 1 << 20, Duration.ofMillis(4), Duration.ofMillis(2), true, "");
  }

  @Test
  void aVerifiedRoundTripWithRoomIsOk() {
    ProbeResult r = ProbeResult.assess(DISK, healthy(1000, 500), T0, ProbeThresholds.DEFAULT);
    assertThat(r.outcome()).isEqualTo(ProbeOutcome.OK);
    assertThat(r.detail()).isEmpty();
    assertThat(r.writeBytesPerSecond()).hasValue((1L << 20) * 1_000_000 / 4_000);
    assertThat(r.readBytesPerSecond()).hasValue((1L << 20) * 1_000_000 / 2_000);
    assertThat(r.id()).isEmpty();
  }

  @Test
  void lowFreeCapacityDegrades() {
    ProbeResult r = ProbeResult.assess(DISK, healthy(1000, 10), T0, ProbeThresholds.DEFAULT);
    assertThat(r.outcome()).isEqualTo(ProbeOutcome.DEGRADED);
    assertThat(r.detail()).contains("1.0%").contains("5.0%");
  }

  @Test
  void aCorruptedReadBackFails() {
    ProbeMeasurement m =
        new ProbeMeasurement(
            true, 1000, 900, 4096, Duration.ZERO, Duration.ZERO, false, "read-back differs");
    ProbeResult r = ProbeResult.assess(DISK, m, T0, ProbeThresholds.DEFAULT);
    assertThat(r.outcome()).isEqualTo(ProbeOutcome.FAILED);
    assertThat(r.detail()).isEqualTo("read-back differs");
  }

  @Test
  void unreachableKeepsTheReason() {
    ProbeResult r =
        ProbeResult.assess(
            DISK, ProbeMeasurement.unreachable("no such directory"), T0, ProbeThresholds.DEFAULT);
    assertThat(r.outcome()).isEqualTo(ProbeOutcome.UNREACHABLE);
    assertThat(r.detail()).isEqualTo("no such directory");
    assertThat(r.totalBytes()).isEmpty();
  }

  @Test
  void withoutADataPathTestOrCapacityTheTargetIsOnlyDegraded() {
    ProbeMeasurement m = new ProbeMeasurement(true, -1, -1, 0, null, null, false, "");
    ProbeResult r = ProbeResult.assess(DISK, m, T0, ProbeThresholds.DEFAULT);
    assertThat(r.outcome()).isEqualTo(ProbeOutcome.DEGRADED);
    assertThat(r.detail()).contains("no data-path test").contains("capacity unknown");
    assertThat(r.readBytesPerSecond()).isEmpty();
  }

  @Test
  void declaredCapacityStandsInForAnUnknownTotal() {
    StorageTarget declared =
        StorageTarget.register(
            TargetId.of("d2"),
            DC,
            TargetKind.DISK,
            null,
            "file:/d",
            2000L,
            null,
            TargetState.ACTIVE,
            T0);
    ProbeResult r = ProbeResult.assess(declared, healthy(-1, 1500), T0, ProbeThresholds.DEFAULT);
    assertThat(r.totalBytes()).hasValue(2000L);
    assertThat(r.outcome()).isEqualTo(ProbeOutcome.OK);
  }

  @Test
  void aTargetWithoutDriverIsRecordedAsSuch() {
    StorageTarget tape =
        StorageTarget.register(
            TargetId.of("lib"),
            DC,
            TargetKind.TAPE_LIBRARY,
            null,
            "mtx:/dev/sg3",
            9L,
            null,
            TargetState.POTENTIAL,
            T0);
    ProbeResult r = ProbeResult.noDriver(tape, T0);
    assertThat(r.outcome()).isEqualTo(ProbeOutcome.NO_DRIVER);
    assertThat(r.detail()).contains("'mtx:'");
    assertThat(r.totalBytes()).hasValue(9L);
  }
}
