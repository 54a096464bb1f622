package dev.strata.pool.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.TenantId;
import dev.strata.pool.TransitionRefusedException;
import dev.strata.pool.UnavailableException;
import dev.strata.pool.catalog.BackupSetId;
import dev.strata.pool.catalog.SnapshotId;
import dev.strata.pool.identity.PrincipalName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreTest {
  static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

  static RestoreEstimate estimate(int missing) {
    return new RestoreEstimate(
        Duration.ofSeconds(90),
        1000,
        2,
        1,
        Duration.ofSeconds(80),
        Duration.ofSeconds(10),
        true,
        missing,
        List.of());
  }

  static Restore request(boolean staging, List<RestoreEvent> events) {
    return Restore.request(
        RestoreId.of("0".repeat(31) + "1"),
        TenantId.of("acme"),
        SnapshotId.of("ab".repeat(32)),
        BackupSetId.of("home"),
        PrincipalName.of("laptop@acme"),
        PrincipalName.of("admin"),
        "/restore/here",
        List.of("home/docs", "etc/hosts"),
        estimate(0),
        staging,
        T0,
        events);
  }

  @Test
  void aRestoreFromTapePreparesRunsAndEndsWithEveryStepNumberedInOrder() {
    List<RestoreEvent> events = new ArrayList<>();
    Restore r = request(true, events);
    assertThat(r.state()).isEqualTo(RestoreState.PREPARING);
    assertThat(r.paths()).containsExactly("home/docs", "etc/hosts");
    events.add(r.staging("node dc2: 2 packs recalled, 1 mount", T0));
    events.add(r.ready(T0));
    events.add(r.start(T0));
    events.add(r.progress(500, 3, T0));
    events.add(r.failedOver("pack ab..: dc2-disk failed (corrupt); reading it from lib1", T0));
    events.add(r.finish(true, 1000, 7, "restored", T0.plusSeconds(60)));

    assertThat(events)
        .extracting(RestoreEvent::kind)
        .containsExactly(
            RestoreEventKind.PLANNED,
            RestoreEventKind.STAGING,
            RestoreEventKind.STAGED,
            RestoreEventKind.READY,
            RestoreEventKind.STARTED,
            RestoreEventKind.PROGRESS,
            RestoreEventKind.FAILOVER,
            RestoreEventKind.DONE);
    assertThat(events)
        .extracting(RestoreEvent::sequence)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(r.state()).isEqualTo(RestoreState.DONE);
    assertThat(r.failovers()).isEqualTo(1);
    assertThat(r.bytesDone()).isEqualTo(1000);
    assertThat(events.get(0).message()).contains("90 s").contains("1 tape mounts");
  }

  @Test
  void stepsOutOfOrderAreRefused() {
    Restore r = request(false, new ArrayList<>());
    assertThat(r.state()).isEqualTo(RestoreState.READY);
    assertThatThrownBy(() -> r.progress(1, 1, T0)).isInstanceOf(TransitionRefusedException.class);
    r.start(T0);
    r.progress(10, 1, T0);
    assertThatThrownBy(() -> r.progress(5, 1, T0)).isInstanceOf(InvalidValueException.class);
    r.cancel("admin", T0);
    assertThatThrownBy(() -> r.cancel("admin", T0)).isInstanceOf(TransitionRefusedException.class);
    assertThatThrownBy(() -> r.finish(true, 0, 0, "", T0))
        .isInstanceOf(TransitionRefusedException.class);
  }

  @Test
  void aSnapshotWithUnreadablePacksIsNotStartedAndBadPathsAreRefused() {
    assertThatThrownBy(
            () ->
                Restore.request(
                    RestoreId.of("0".repeat(32)),
                    TenantId.of("acme"),
                    SnapshotId.of("ab".repeat(32)),
                    BackupSetId.of("home"),
                    PrincipalName.of("laptop@acme"),
                    PrincipalName.of("admin"),
                    "/r",
                    List.of(),
                    estimate(3),
                    false,
                    T0,
                    new ArrayList<>()))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("3 of its packs");
    assertThatThrownBy(() -> Restore.requirePaths(List.of("a\nb")))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Restore.requireDirectory(" "))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void messagesFromAgentsArePrintableAndShort() {
    assertThat(RestoreEvent.printable("bad\u001b[31mname\n")).isEqualTo("bad?[31mname");
    assertThat(RestoreEvent.printable("x".repeat(900))).hasSize(RestoreEvent.MAX_MESSAGE);
  }
}
