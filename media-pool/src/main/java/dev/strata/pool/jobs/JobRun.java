package dev.strata.pool.jobs;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.TenantId;
import dev.strata.pool.TransitionRefusedException;
import dev.strata.pool.catalog.BackupSetId;
import dev.strata.pool.catalog.SnapshotId;
import dev.strata.pool.identity.PrincipalName;
import dev.strata.pool.restore.RestoreEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a backup job: queued when due (or asked for), claimed by the job's agent before {@link
 * #claimBy} or else missed, then running with progress reports, and done with the snapshot it
 * recorded, or failed. It keeps what the job said when it was queued (set, paths), so a job changed
 * later does not change runs already queued. Every step is an event ({@link JobRunEvent}).
 */
public class JobRun {
  private String id;
  private String jobId;
  private String tenantId;
  private String backupSetId;
  private String agent;
  private String paths;
  private JobRunTrigger runTrigger;
  private String requestedBy;
  private JobRunState state;
  private Instant scheduledFor;
  private Instant claimBy;
  private Instant claimedAt;
  private Instant startedAt;
  private Instant finishedAt;
  private String snapshotId;
  private long bytesDone;
  private long filesDone;
  private String detail;
  private long lastSequence;
  private Instant createdAt;
  private Instant updatedAt;
  private long version;

  /** For the persistence mapping only. */
  protected JobRun() {}

  /**
   * A run of {@code job} due at {@code scheduledFor}, to be claimed by {@code claimBy}; returns it
   * with its first event.
   */
  public static JobRun queue(
      JobRunId id,
      BackupJob job,
      JobRunTrigger trigger,
      PrincipalName requestedBy,
      Instant scheduledFor,
      Instant claimBy,
      Instant now,
      List<JobRunEvent> events) {
    JobRun r = new JobRun();
    r.id = Objects.requireNonNull(id, "id").hex();
    r.jobId = job.id().value();
    r.tenantId = job.tenant().value();
    r.backupSetId = job.backupSet().value();
    r.agent = job.agent().value();
    r.paths = String.join("\n", job.paths());
    r.runTrigger = Objects.requireNonNull(trigger, "trigger");
    r.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy").value();
    r.scheduledFor = Objects.requireNonNull(scheduledFor, "scheduledFor");
    r.claimBy = Objects.requireNonNull(claimBy, "claimBy");
    r.state = JobRunState.QUEUED;
    r.createdAt = now;
    r.updatedAt = now;
    events.add(
        r.event(
            JobRunEventKind.QUEUED,
            (trigger == JobRunTrigger.MANUAL ? "run now, asked by " + r.requestedBy : "due")
                + "; agent "
                + r.agent
                + " claims it by "
                + claimBy,
            now));
    return r;
  }

  private JobRunEvent event(JobRunEventKind kind, String message, Instant now) {
    lastSequence++;
    updatedAt = now;
    return new JobRunEvent(id(), lastSequence, now, kind, message, bytesDone, filesDone);
  }

  private void require(JobRunState expected, String action) {
    if (state != expected) {
      throw new TransitionRefusedException("job run", id, state, action, null);
    }
  }

  /** Whether nobody claimed it and its time to be claimed is over. */
  public boolean isOverdue(Instant now) {
    return state == JobRunState.QUEUED && now.isAfter(claimBy);
  }

  /** Its agent took it. */
  public JobRunEvent claim(Instant now) {
    require(JobRunState.QUEUED, "be claimed");
    state = JobRunState.CLAIMED;
    claimedAt = now;
    return event(JobRunEventKind.CLAIMED, "agent " + agent + " took it", now);
  }

  /** Its agent was gone before the claimed run reached it: queued again for its next poll. */
  public JobRunEvent unclaim(Instant now) {
    require(JobRunState.CLAIMED, "be queued again");
    state = JobRunState.QUEUED;
    claimedAt = null;
    return event(
        JobRunEventKind.QUEUED, "the agent's poll ended before it got the run; queued again", now);
  }

  /** Nobody claimed it in time. */
  public JobRunEvent miss(String why, Instant now) {
    require(JobRunState.QUEUED, "be missed");
    state = JobRunState.MISSED;
    finishedAt = now;
    detail = RestoreEvent.printable(why);
    return event(JobRunEventKind.MISSED, detail, now);
  }

  /**
   * How far its agent got; counts only grow. The first report starts it (and returns its start
   * event before the progress).
   */
  public List<JobRunEvent> progress(long bytes, long files, String message, Instant now) {
    List<JobRunEvent> out = new ArrayList<>(2);
    if (state == JobRunState.CLAIMED) {
      state = JobRunState.RUNNING;
      startedAt = now;
      out.add(event(JobRunEventKind.STARTED, "agent " + agent + " began backing up", now));
    }
    require(JobRunState.RUNNING, "report progress");
    if (bytes < bytesDone || files < filesDone) {
      throw new InvalidValueException("bytesDone", "progress only grows");
    }
    bytesDone = bytes;
    filesDone = files;
    out.add(event(JobRunEventKind.PROGRESS, message, now));
    return out;
  }

  /** Its agent recorded {@code snapshot} (already in the catalog, of this run's backup set). */
  public JobRunEvent done(
      SnapshotId snapshot, long bytes, long files, String message, Instant now) {
    requireStarted("finish");
    state = JobRunState.DONE;
    snapshotId = Objects.requireNonNull(snapshot, "snapshot").hex();
    return end(
        JobRunEventKind.DONE,
        bytes,
        files,
        "snapshot " + snapshot.hex() + " " + text(message),
        now);
  }

  /** Its agent gave up. */
  public JobRunEvent fail(long bytes, long files, String message, Instant now) {
    requireStarted("fail");
    state = JobRunState.FAILED;
    return end(JobRunEventKind.FAILED, bytes, files, text(message), now);
  }

  private static String text(String message) {
    return message == null ? "" : message;
  }

  private void requireStarted(String action) {
    if (state != JobRunState.CLAIMED && state != JobRunState.RUNNING) {
      throw new TransitionRefusedException("job run", id, state, action, null);
    }
    if (startedAt == null) {
      startedAt = claimedAt;
    }
  }

  private JobRunEvent end(
      JobRunEventKind kind, long bytes, long files, String message, Instant now) {
    bytesDone = Math.max(bytesDone, bytes);
    filesDone = Math.max(filesDone, files);
    finishedAt = now;
    detail = RestoreEvent.printable(message);
    return event(kind, detail, now);
  }

  public JobRunId id() {
    return new JobRunId(id);
  }

  public BackupJobId job() {
    return new BackupJobId(jobId);
  }

  public TenantId tenant() {
    return new TenantId(tenantId);
  }

  public BackupSetId backupSet() {
    return new BackupSetId(backupSetId);
  }

  public PrincipalName agent() {
    return new PrincipalName(agent);
  }

  public List<String> paths() {
    return new ArrayList<>(Arrays.asList(paths.split("\n")));
  }

  public JobRunTrigger trigger() {
    return runTrigger;
  }

  public PrincipalName requestedBy() {
    return new PrincipalName(requestedBy);
  }

  public JobRunState state() {
    return state;
  }

  public Instant scheduledFor() {
    return scheduledFor;
  }

  public Instant claimBy() {
    return claimBy;
  }

  public Optional<Instant> claimedAt() {
    return Optional.ofNullable(claimedAt);
  }

  public Optional<Instant> startedAt() {
    return Optional.ofNullable(startedAt);
  }

  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(finishedAt);
  }

  public Optional<SnapshotId> snapshot() {
    return Optional.ofNullable(snapshotId).map(SnapshotId::new);
  }

  public long bytesDone() {
    return bytesDone;
  }

  public long filesDone() {
    return filesDone;
  }

  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  public long lastSequence() {
    return lastSequence;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
