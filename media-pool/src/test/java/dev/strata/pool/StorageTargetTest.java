package dev.strata.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StorageTargetTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final DataCenter DC =
      DataCenter.establish(DataCenterId.of("local"), null, null, NetworkLink.LOCAL, T0);

  private static StorageTarget target(TargetKind kind, String endpoint) {
    return StorageTarget.register(
        TargetId.of("t1"), DC, kind, null, endpoint, null, null, TargetState.ACTIVE, T0);
  }

  @ParameterizedTest
  @CsvSource({
    "DISK, file:/srv/strata/disk1",
    "DISK, file:///srv/strata/disk1",
    "VTL, vtl:/srv/strata/vtl",
    "VTL, vtl://127.0.0.1:7001",
    "TAPE_LIBRARY, mtx:/dev/sg3",
    "OBJECT_STORE, s3://backups/dc1?endpoint=http://127.0.0.1:9000",
  })
  void acceptsEndpointsOfItsOwnScheme(TargetKind kind, String endpoint) {
    StorageTarget t = target(kind, endpoint);
    assertThat(t.endpoint().getScheme()).isEqualTo(kind.scheme());
    assertThat(t.mediaClass()).isEqualTo(kind.mediaClass());
    assertThat(t.dataCenterId()).isEqualTo(DC.id());
  }

  @ParameterizedTest
  @CsvSource({
    "DISK, s3://bucket",
    "DISK, file:relative/path",
    "DISK, file://host/share",
    "VTL, vtl:relative",
    "VTL, vtl://host-without-port",
    "OBJECT_STORE, s3:/no-bucket",
    "TAPE_LIBRARY, 'mtx:/dev/sg 3 ^'",
    // Accepted once, then refused by the driver at every probe:
    "DISK, file:/srv/strata/disk1?x=1",
    "DISK, file:/srv/strata/disk1#x",
    "VTL, vtl:/srv/strata/vtl?x=1",
    "VTL, vtl://127.0.0.1:7001?x",
    "VTL, vtl://127.0.0.1:7001/path",
    "VTL, vtl://user@127.0.0.1:7001",
    "TAPE_LIBRARY, mtx:/dev/sg3#x",
    "OBJECT_STORE, s3://user@backups",
  })
  void rejectsEndpointsThatDoNotFitTheKind(TargetKind kind, String endpoint) {
    assertThatThrownBy(() -> target(kind, endpoint))
        .isInstanceOf(InvalidValueException.class)
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("endpoint"));
  }

  @Test
  void reconfigureKeepsIdentityKindDataCenterAndState() {
    StorageTarget t = target(TargetKind.DISK, "file:/a");
    t.reconfigure(
        "Disk A", "file:/b", 1_000L, PricePerGibMonth.ofDecimal("0.004"), T0.plusSeconds(1));
    assertThat(t.id()).isEqualTo(TargetId.of("t1"));
    assertThat(t.kind()).isEqualTo(TargetKind.DISK);
    assertThat(t.endpoint().getPath()).isEqualTo("/b");
    assertThat(t.declaredCapacityBytes()).hasValue(1_000L);
    assertThat(t.cost()).contains(PricePerGibMonth.ofMicros(4_000));
    assertThat(t.state()).isEqualTo(TargetState.ACTIVE);
    assertThat(t.updatedAt()).isEqualTo(T0.plusSeconds(1));
    t.reconfigure(null, "file:/b", null, null, T0.plusSeconds(2));
    assertThat(t.cost()).isEmpty();
  }

  private static StorageTarget potential() {
    return StorageTarget.register(
        TargetId.of("p1"),
        DC,
        TargetKind.DISK,
        null,
        "file:/p",
        null,
        null,
        TargetState.POTENTIAL,
        T0);
  }

  @Test
  void aTargetLivesThroughActivateDrainReactivateDrainRetire() {
    StorageTarget t = potential();
    t.activate(T0.plusSeconds(1));
    assertThat(t.state()).isEqualTo(TargetState.ACTIVE);
    t.drain(T0.plusSeconds(2));
    assertThat(t.state()).isEqualTo(TargetState.DRAINING);
    t.activate(T0.plusSeconds(3));
    assertThat(t.state()).isEqualTo(TargetState.ACTIVE);
    t.drain(T0.plusSeconds(4));
    t.retire(T0.plusSeconds(5));
    assertThat(t.state()).isEqualTo(TargetState.RETIRED);
    assertThat(t.updatedAt()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void repeatingATransitionChangesNothing() {
    StorageTarget t = target(TargetKind.DISK, "file:/a");
    t.activate(T0.plusSeconds(9));
    assertThat(t.updatedAt()).isEqualTo(T0);
    t.drain(T0.plusSeconds(1));
    t.drain(T0.plusSeconds(9));
    assertThat(t.updatedAt()).isEqualTo(T0.plusSeconds(1));
    t.retire(T0.plusSeconds(2));
    t.retire(T0.plusSeconds(9));
    assertThat(t.updatedAt()).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void aRetiredTargetNeverReturnsAndIsNotReconfigured() {
    StorageTarget t = potential();
    t.retire(T0.plusSeconds(1));
    assertThatThrownBy(() -> t.activate(T0.plusSeconds(2)))
        .isInstanceOf(TransitionRefusedException.class)
        .hasMessageContaining("'p1' cannot activate from state RETIRED");
    assertThatThrownBy(() -> t.drain(T0.plusSeconds(2)))
        .isInstanceOf(TransitionRefusedException.class);
    assertThatThrownBy(() -> t.reconfigure("x", "file:/x", null, null, T0.plusSeconds(2)))
        .isInstanceOf(TransitionRefusedException.class);
    assertThat(t.state()).isEqualTo(TargetState.RETIRED);
    assertThat(t.updatedAt()).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void anActiveTargetMustDrainBeforeItRetiresAndAPotentialOneDoesNotDrain() {
    StorageTarget active = target(TargetKind.DISK, "file:/a");
    assertThatThrownBy(() -> active.retire(T0))
        .isInstanceOf(TransitionRefusedException.class)
        .satisfies(
            e -> {
              TransitionRefusedException r = (TransitionRefusedException) e;
              assertThat(r.from()).isEqualTo("ACTIVE");
              assertThat(r.transition()).isEqualTo("retire");
            })
        .hasMessageContaining("drain it first");
    assertThat(active.state()).isEqualTo(TargetState.ACTIVE);
    assertThatThrownBy(() -> potential().drain(T0)).isInstanceOf(TransitionRefusedException.class);
  }

  @Test
  void registrationStartsPotentialOrActiveOnly() {
    for (TargetState s : new TargetState[] {TargetState.DRAINING, TargetState.RETIRED}) {
      assertThatThrownBy(
              () ->
                  StorageTarget.register(
                      TargetId.of("t"), DC, TargetKind.DISK, null, "file:/a", null, null, s, T0))
          .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("state"));
    }
  }

  @Test
  void onlyActiveTargetsAcceptNewCopies() {
    assertThat(TargetState.ACTIVE.acceptsNewCopies()).isTrue();
    assertThat(TargetState.POTENTIAL.acceptsNewCopies()).isFalse();
    assertThat(TargetState.DRAINING.acceptsNewCopies()).isFalse();
    assertThat(TargetState.RETIRED.acceptsNewCopies()).isFalse();
  }

  @Test
  void rejectsNonPositiveCapacityAndMissingState() {
    assertThatThrownBy(
            () ->
                StorageTarget.register(
                    TargetId.of("t"),
                    DC,
                    TargetKind.DISK,
                    null,
                    "file:/a",
                    0L,
                    null,
                    TargetState.ACTIVE,
                    T0))
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("capacityBytes"));
    assertThatThrownBy(
            () ->
                StorageTarget.register(
                    TargetId.of("t"), DC, TargetKind.DISK, null, "file:/a", null, null, null, T0))
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("state"));
  }

  @Test
  void onlyRetiredTargetsAreLeftUnprobed() {
    assertThat(TargetState.POTENTIAL.isProbed()).isTrue();
    assertThat(TargetState.ACTIVE.isProbed()).isTrue();
    assertThat(TargetState.DRAINING.isProbed()).isTrue();
    assertThat(TargetState.RETIRED.isProbed()).isFalse();
  }
}
