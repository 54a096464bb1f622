package dev.strata.pool.catalog;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.NodeName;
import dev.strata.pool.TargetId;
import dev.strata.pool.TenantId;
import dev.strata.pool.TransitionRefusedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One backup of a backup set through the control center: the agent uploads its packs to the storage
 * node the session names (its landing disk is the first copy), reports them, and commits the
 * snapshot. A session lives as long as the grant it was given; an expired or abandoned session
 * commits nothing, and the packs it reported stay recorded, so the next session reuses them.
 */
public class BackupSession {
  /** How long a session (and its upload grant) lives. */
  public static final Duration LIFETIME = Duration.ofHours(12);

  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

  /** Where a session is in its life. */
  public enum State {
    OPEN,
    COMMITTED,
    ABANDONED
  }

  private String id;
  private String tenantId;
  private String backupSetId;
  private String signingKey;
  private String nodeName;
  private String targetId;
  private State state;
  private String snapshotId;
  private Instant createdAt;
  private Instant expiresAt;
  private long version;

  /** For the persistence mapping only. */
  protected BackupSession() {}

  /**
   * Opens a session of {@code set}: packs signed by {@code signingKey} go to {@code node}, landing
   * on its target {@code landing}.
   *
   * @param id 32 random hex digits, drawn outside the domain
   */
  public static BackupSession open(
      String id,
      BackupSet set,
      SigningKey signingKey,
      NodeName node,
      TargetId landing,
      Instant now) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a session id is 32 hex digits");
    }
    BackupSession s = new BackupSession();
    s.id = id;
    s.tenantId = set.tenantId().value();
    s.backupSetId = set.id().value();
    s.signingKey = Objects.requireNonNull(signingKey, "signingKey").hex();
    s.nodeName = Objects.requireNonNull(node, "node").value();
    s.targetId = Objects.requireNonNull(landing, "landing").value();
    s.state = State.OPEN;
    s.createdAt = now;
    s.expiresAt = now.plus(LIFETIME);
    return s;
  }

  /** Whether packs may still be reported and the snapshot committed. */
  public boolean isOpen(Instant now) {
    return state == State.OPEN && now.isBefore(expiresAt);
  }

  /** Refuses a call on a session that is committed, abandoned or expired. */
  public void requireOpen(Instant now) {
    if (!isOpen(now)) {
      throw new TransitionRefusedException(
          "backup session",
          id,
          state,
          "take more work",
          (state == State.OPEN ? "it expired at " + expiresAt + "; " : "")
              + "open a new session (the packs reported so far are kept)");
    }
  }

  /** The snapshot was recorded: the session is done. */
  public void commit(SnapshotId snapshot, Instant now) {
    requireOpen(now);
    if (snapshot == null) {
      throw new InvalidValueException("snapshot", "a commit names its snapshot");
    }
    state = State.COMMITTED;
    snapshotId = snapshot.hex();
  }

  public void abandon(Instant now) {
    if (state == State.OPEN) {
      state = State.ABANDONED;
    }
  }

  public String id() {
    return id;
  }

  public TenantId tenant() {
    return new TenantId(tenantId);
  }

  public BackupSetId backupSet() {
    return new BackupSetId(backupSetId);
  }

  public SigningKey signingKey() {
    return new SigningKey(signingKey);
  }

  public NodeName node() {
    return new NodeName(nodeName);
  }

  public TargetId landing() {
    return new TargetId(targetId);
  }

  public State state() {
    return state;
  }

  public Optional<SnapshotId> snapshot() {
    return Optional.ofNullable(snapshotId).map(SnapshotId::new);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public long version() {
    return version;
  }
}
