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
        TargetId.of("t1"), DC, kind, null, endpoint, null, TargetState.ACTIVE, T0);
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
  void reconfigureKeepsIdentityKindAndDataCenter() {
    StorageTarget t = target(TargetKind.DISK, "file:/a");
    t.reconfigure("Disk A", "file:/b", 1_000L, TargetState.DRAINING, T0.plusSeconds(1));
    assertThat(t.id()).isEqualTo(TargetId.of("t1"));
    assertThat(t.kind()).isEqualTo(TargetKind.DISK);
    assertThat(t.endpoint().getPath()).isEqualTo("/b");
    assertThat(t.declaredCapacityBytes()).hasValue(1_000L);
    assertThat(t.state()).isEqualTo(TargetState.DRAINING);
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
                    TargetState.ACTIVE,
                    T0))
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("capacityBytes"));
    assertThatThrownBy(
            () ->
                StorageTarget.register(
                    TargetId.of("t"), DC, TargetKind.DISK, null, "file:/a", null, null, T0))
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
