package dev.strata.pool.jobs;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.TenantId;
import dev.strata.pool.catalog.BackupSetId;
import dev.strata.pool.identity.PrincipalName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's scheduled backup: one of its agents backs up {@link #paths} into a backup set whenever
 * the cron expression comes due (and whenever someone runs it now). The expression is checked and
 * its next firing computed outside the domain (Quartz's cron syntax); the job keeps {@link
 * #nextRunAt}, so the schedule survives a restart of the control center and one center alone queues
 * each firing.
 */
public class BackupJob {
  public static final int MAX_PATHS = 100;
  public static final int MAX_PATH = 4096;
  public static final int MAX_CRON = 120;

  private String id;
  private String tenantId;
  private String backupSetId;
  private String agent;
  private String paths;
  private String cron;
  private boolean enabled;
  private Instant nextRunAt;
  private Instant createdAt;
  private Instant updatedAt;
  private long version;

  /** For the persistence mapping only. */
  protected BackupJob() {}

  /**
   * A new job; {@code next} is the cron expression's first firing after now (ignored when the job
   * is not enabled).
   */
  public static BackupJob define(
      BackupJobId id,
      TenantId tenant,
      BackupSetId set,
      PrincipalName agent,
      List<String> paths,
      String cron,
      boolean enabled,
      Instant next,
      Instant now) {
    BackupJob j = new BackupJob();
    j.id = Objects.requireNonNull(id, "id").value();
    j.tenantId = Objects.requireNonNull(tenant, "tenant").value();
    j.createdAt = now;
    j.redefine(set, agent, paths, cron, enabled, next, now);
    return j;
  }

  /** Describes the job anew; its next firing is recomputed by the caller from the new schedule. */
  public void redefine(
      BackupSetId set,
      PrincipalName agent,
      List<String> paths,
      String cron,
      boolean enabled,
      Instant next,
      Instant now) {
    this.backupSetId = Objects.requireNonNull(set, "set").value();
    this.agent = Objects.requireNonNull(agent, "agent").value();
    this.paths = String.join("\n", requirePaths(paths));
    if (cron == null || cron.isBlank() || cron.length() > MAX_CRON) {
      throw new InvalidValueException(
          "cron", "a backup job has a cron expression of at most " + MAX_CRON + " characters");
    }
    this.cron = cron.strip();
    this.enabled = enabled;
    this.nextRunAt = enabled ? next : null;
    this.updatedAt = now;
  }

  static List<String> requirePaths(List<String> paths) {
    List<String> out = paths == null ? List.of() : List.copyOf(paths);
    if (out.isEmpty() || out.size() > MAX_PATHS) {
      throw new InvalidValueException(
          "paths", "a backup job backs up 1 to " + MAX_PATHS + " paths on its agent's machine");
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

  /** Whether its schedule has a firing at or before {@code now} that is not queued yet. */
  public boolean isDue(Instant now) {
    return enabled && nextRunAt != null && !nextRunAt.isAfter(now);
  }

  /**
   * The firing at {@link #nextRunAt} is queued; {@code following} is the schedule's next firing
   * after it (none: the expression fires no more).
   */
  public Instant fired(Optional<Instant> following, Instant now) {
    Instant due = Objects.requireNonNull(nextRunAt, "the job is not due");
    nextRunAt = following.orElse(null);
    updatedAt = now;
    return due;
  }

  public BackupJobId id() {
    return new BackupJobId(id);
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

  public String cron() {
    return cron;
  }

  public boolean enabled() {
    return enabled;
  }

  public Optional<Instant> nextRunAt() {
    return Optional.ofNullable(nextRunAt);
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
