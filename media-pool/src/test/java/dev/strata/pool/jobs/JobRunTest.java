package dev.strata.pool.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.TenantId;
import dev.strata.pool.TransitionRefusedException;
import dev.strata.pool.catalog.BackupSetId;
import dev.strata.pool.catalog.SnapshotId;
import dev.strata.pool.identity.PrincipalName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobRunTest {
  static final Instant T0 = Instant.parse("2026-01-01T03:00:00Z");

  static BackupJob job() {
    return BackupJob.define(
        BackupJobId.of("nightly@acme"),
        TenantId.of("acme"),
        BackupSetId.of("db@acme"),
        PrincipalName.of("srv@acme"),
        List.of("/srv", "/etc"),
        "0 0 3 * * ?",
        true,
        T0,
        T0.minusSeconds(60));
  }

  static JobRun queued(List<JobRunEvent> events) {
    return JobRun.queue(
        JobRunId.of("0".repeat(32)),
        job(),
        JobRunTrigger.SCHEDULE,
        PrincipalName.of("system"),
        T0,
        T0.plusSeconds(60),
        T0,
        events);
  }

  @Test
  void aRunGoesFromQueuedThroughRunningToDoneWithNumberedEvents() {
    List<JobRunEvent> events = new ArrayList<>();
    JobRun r = queued(events);
    events.add(r.claim(T0.plusSeconds(1)));
    events.addAll(r.progress(10, 1, "", T0.plusSeconds(2)));
    events.addAll(r.progress(20, 2, "", T0.plusSeconds(3)));
    events.add(r.done(SnapshotId.of("ab".repeat(32)), 30, 3, "", T0.plusSeconds(4)));
    assertThat(r.state()).isEqualTo(JobRunState.DONE);
    assertThat(r.snapshot()).contains(SnapshotId.of("ab".repeat(32)));
    assertThat(r.bytesDone()).isEqualTo(30);
    assertThat(r.paths()).containsExactly("/srv", "/etc");
    assertThat(events)
        .extracting(JobRunEvent::kind)
        .containsExactly(
            JobRunEventKind.QUEUED,
            JobRunEventKind.CLAIMED,
            JobRunEventKind.STARTED,
            JobRunEventKind.PROGRESS,
            JobRunEventKind.PROGRESS,
            JobRunEventKind.DONE);
    assertThat(events).extracting(JobRunEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void onlyAnUnclaimedRunPastItsClaimTimeIsMissed() {
    JobRun r = queued(new ArrayList<>());
    assertThat(r.isOverdue(T0.plusSeconds(60))).isFalse();
    assertThat(r.isOverdue(T0.plusSeconds(61))).isTrue();
    r.miss("offline", T0.plusSeconds(61));
    assertThat(r.state()).isEqualTo(JobRunState.MISSED);
    assertThat(r.state().finished()).isTrue();
    assertThatThrownBy(() -> r.claim(T0.plusSeconds(62)))
        .isInstanceOf(TransitionRefusedException.class);

    JobRun claimed = queued(new ArrayList<>());
    claimed.claim(T0.plusSeconds(1));
    assertThat(claimed.isOverdue(T0.plusSeconds(120))).isFalse();
    assertThatThrownBy(() -> claimed.miss("late", T0.plusSeconds(120)))
        .isInstanceOf(TransitionRefusedException.class);
  }

  @Test
  void progressOnlyGrowsAndAFinishedRunTakesNoMoreReports() {
    JobRun r = queued(new ArrayList<>());
    assertThatThrownBy(() -> r.progress(1, 1, "", T0))
        .isInstanceOf(TransitionRefusedException.class);
    r.claim(T0);
    r.progress(10, 2, "", T0);
    assertThatThrownBy(() -> r.progress(5, 2, "", T0)).isInstanceOf(InvalidValueException.class);
    r.fail(10, 2, "disk full", T0);
    assertThat(r.detail()).contains("disk full");
    assertThatThrownBy(() -> r.done(SnapshotId.of("ab".repeat(32)), 1, 1, "", T0))
        .isInstanceOf(TransitionRefusedException.class);
  }

  @Test
  void aJobNeedsPathsAndADisabledJobIsNeverDue() {
    BackupJob j = job();
    assertThat(j.isDue(T0)).isTrue();
    assertThat(j.fired(java.util.Optional.of(T0.plusSeconds(86400)), T0)).isEqualTo(T0);
    assertThat(j.isDue(T0)).isFalse();
    j.redefine(j.backupSet(), j.agent(), List.of("/srv"), "0 0 3 * * ?", false, T0, T0);
    assertThat(j.isDue(T0.plusSeconds(86400 * 7))).isFalse();
    assertThat(j.nextRunAt()).isEmpty();
    assertThatThrownBy(
            () -> j.redefine(j.backupSet(), j.agent(), List.of(), "0 0 3 * * ?", true, T0, T0))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("paths");
    assertThatThrownBy(() -> BackupJobId.of("Bad Name")).isInstanceOf(InvalidValueException.class);
    assertThat(BackupJobId.of("nightly").within(TenantId.of("acme")).value())
        .isEqualTo("nightly@acme");
  }
}
