package dev.strata.pool.restore;

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
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One restore of a snapshot (or some of its paths) by one of its tenant's agents into a directory
 * on that agent's machine. The center prepares it (recalls what only tape holds), the agent runs it
 * and reports; every step is an event ({@link #events}) that its stream sends. The paths and the
 * directory are the agent's business: the center never sees file names (the tree is encrypted).
 */
public class Restore {
  public static final int MAX_PATHS = 100;
  public static final int MAX_PATH = 4096;

  private String id;
  private String tenantId;
  private String snapshotId;
  private String backupSetId;
  private String agent;
  private String requestedBy;
  private String directory;
  private String paths;
  private RestoreState state;
  private long estimateMillis;
  private long estimateBytes;
  private int estimatePacks;
  private int estimateMounts;
  private long estimateStagingMillis;
  private boolean estimateMeasured;
  private long bytesDone;
  private long filesDone;
  private int failovers;
  private long lastSequence;
  private String detail;
  private Instant createdAt;
  private Instant startedAt;
  private Instant finishedAt;
  private Instant updatedAt;
  private long version;

  /** For the persistence mapping only. */
  protected Restore() {}

  /**
   * A restore as requested; it is {@code PREPARING} when packs must be recalled from tape first,
   * otherwise {@code READY}. Returns it with its first events (planned, and ready or staging).
   */
  public static Restore request(
      RestoreId id,
      TenantId tenant,
      SnapshotId snapshot,
      BackupSetId set,
      PrincipalName agent,
      PrincipalName requestedBy,
      String directory,
      List<String> paths,
      RestoreEstimate estimate,
      boolean needsStaging,
      Instant now,
      List<RestoreEvent> events) {
    Restore r = new Restore();
    r.id = Objects.requireNonNull(id, "id").hex();
    r.tenantId = Objects.requireNonNull(tenant, "tenant").value();
    r.snapshotId = Objects.requireNonNull(snapshot, "snapshot").hex();
    r.backupSetId = Objects.requireNonNull(set, "set").value();
    r.agent = Objects.requireNonNull(agent, "agent").value();
    r.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy").value();
    r.directory = requireDirectory(directory);
    r.paths = String.join("\n", requirePaths(paths));
    if (estimate.missingPacks() > 0) {
      throw new UnavailableException(
          "snapshot "
              + snapshot.hex()
              + ": "
              + estimate.missingPacks()
              + " of its packs have no copy that can be read now (their nodes are silent or their"
              + " copies lost); restore when a node holding them is back");
    }
    r.estimateMillis = estimate.total().toMillis();
    r.estimateBytes = estimate.bytes();
    r.estimatePacks = estimate.packs();
    r.estimateMounts = estimate.tapeMounts();
    r.estimateStagingMillis = estimate.staging().toMillis();
    r.estimateMeasured = estimate.measured();
    r.createdAt = now;
    r.updatedAt = now;
    r.state = needsStaging ? RestoreState.PREPARING : RestoreState.READY;
    events.add(
        r.event(
            RestoreEventKind.PLANNED,
            "estimated "
                + estimate.total().toSeconds()
                + " s for "
                + estimate.bytes()
                + " bytes in "
                + estimate.packs()
                + " packs"
                + (estimate.tapeMounts() > 0 ? ", " + estimate.tapeMounts() + " tape mounts" : ""),
            now));
    events.add(
        needsStaging
            ? r.event(RestoreEventKind.STAGING, "recalling packs from tape", now)
            : r.event(RestoreEventKind.READY, "every pack can be read now", now));
    return r;
  }

  static String requireDirectory(String directory) {
    if (directory == null || directory.isBlank()) {
      throw new InvalidValueException("directory", "a restore names the directory to restore to");
    }
    if (directory.length() > MAX_PATH || directory.chars().anyMatch(c -> c == 0)) {
      throw new InvalidValueException(
          "directory", "a directory is at most " + MAX_PATH + " characters, without NUL");
    }
    return directory;
  }

  static List<String> requirePaths(List<String> paths) {
    List<String> out = paths == null ? List.of() : List.copyOf(paths);
    if (out.size() > MAX_PATHS) {
      throw new InvalidValueException("paths", "at most " + MAX_PATHS + " paths per restore");
    }
    for (String p : out) {
      if (p == null
          || p.isEmpty()
          || p.length() > MAX_PATH
          || p.chars().anyMatch(c -> c == 0 || c == '\n')) {
        throw new InvalidValueException(
            "paths", "a path is 1 to " + MAX_PATH + " characters, without NUL or line breaks");
      }
    }
    return out;
  }

  private RestoreEvent event(RestoreEventKind kind, String message, Instant now) {
    lastSequence++;
    updatedAt = now;
    return new RestoreEvent(id(), lastSequence, now, kind, message, bytesDone, filesDone);
  }

  private void require(RestoreState expected, String action) {
    if (state != expected) {
      throw new TransitionRefusedException("restore", id, state, action, null);
    }
  }

  /** Recalls on one node began or ended. */
  public RestoreEvent staging(String message, Instant now) {
    require(RestoreState.PREPARING, "stage packs");
    return event(RestoreEventKind.STAGED, message, now);
  }

  /** Everything is readable now. */
  public RestoreEvent ready(Instant now) {
    require(RestoreState.PREPARING, "become ready");
    state = RestoreState.READY;
    return event(RestoreEventKind.READY, "every pack can be read now", now);
  }

  /** Its agent began. */
  public RestoreEvent start(Instant now) {
    require(RestoreState.READY, "start");
    state = RestoreState.RUNNING;
    startedAt = now;
    return event(RestoreEventKind.STARTED, "the agent began restoring", now);
  }

  /** How far its agent got; counts only grow. */
  public RestoreEvent progress(long bytes, long files, Instant now) {
    require(RestoreState.RUNNING, "report progress");
    if (bytes < bytesDone || files < filesDone) {
      throw new InvalidValueException("bytesDone", "progress only grows");
    }
    bytesDone = bytes;
    filesDone = files;
    return event(RestoreEventKind.PROGRESS, "", now);
  }

  /** A copy failed while read; the restore goes on from {@code next}. */
  public RestoreEvent failedOver(String message, Instant now) {
    require(RestoreState.RUNNING, "fail over");
    failovers++;
    return event(RestoreEventKind.FAILOVER, message, now);
  }

  /** Its agent finished: everything asked for is restored, or not. */
  public RestoreEvent finish(boolean ok, long bytes, long files, String message, Instant now) {
    require(RestoreState.RUNNING, "finish");
    state = ok ? RestoreState.DONE : RestoreState.FAILED;
    bytesDone = Math.max(bytesDone, bytes);
    filesDone = Math.max(filesDone, files);
    finishedAt = now;
    detail = RestoreEvent.printable(message);
    return event(ok ? RestoreEventKind.DONE : RestoreEventKind.FAILED, detail, now);
  }

  /** Preparation failed (a recall found nothing to read): the restore cannot run. */
  public RestoreEvent failPreparation(String message, Instant now) {
    require(RestoreState.PREPARING, "fail");
    state = RestoreState.FAILED;
    finishedAt = now;
    detail = RestoreEvent.printable(message);
    return event(RestoreEventKind.FAILED, detail, now);
  }

  public RestoreEvent cancel(String by, Instant now) {
    if (state.finished()) {
      throw new TransitionRefusedException("restore", id, state, "be cancelled", null);
    }
    state = RestoreState.CANCELLED;
    finishedAt = now;
    detail = "cancelled by " + by;
    return event(RestoreEventKind.CANCELLED, detail, now);
  }

  public RestoreId id() {
    return new RestoreId(id);
  }

  public TenantId tenant() {
    return new TenantId(tenantId);
  }

  public SnapshotId snapshot() {
    return new SnapshotId(snapshotId);
  }

  public BackupSetId backupSet() {
    return new BackupSetId(backupSetId);
  }

  public PrincipalName agent() {
    return new PrincipalName(agent);
  }

  public PrincipalName requestedBy() {
    return new PrincipalName(requestedBy);
  }

  public String directory() {
    return directory;
  }

  public List<String> paths() {
    return paths.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(paths.split("\n")));
  }

  public RestoreState state() {
    return state;
  }

  public Duration estimate() {
    return Duration.ofMillis(estimateMillis);
  }

  public Duration estimatedStaging() {
    return Duration.ofMillis(estimateStagingMillis);
  }

  public long estimatedBytes() {
    return estimateBytes;
  }

  public int estimatedPacks() {
    return estimatePacks;
  }

  public int estimatedMounts() {
    return estimateMounts;
  }

  public boolean estimateMeasured() {
    return estimateMeasured;
  }

  public long bytesDone() {
    return bytesDone;
  }

  public long filesDone() {
    return filesDone;
  }

  public int failovers() {
    return failovers;
  }

  public long lastSequence() {
    return lastSequence;
  }

  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> startedAt() {
    return Optional.ofNullable(startedAt);
  }

  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(finishedAt);
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
