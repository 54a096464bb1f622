package dev.strata.controlcenter.application;

import dev.strata.pool.AccessDeniedException;
import dev.strata.pool.DuplicateIdentityException;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.TenantId;
import dev.strata.pool.TransitionRefusedException;
import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.catalog.BackupSet;
import dev.strata.pool.catalog.BackupSetId;
import dev.strata.pool.catalog.Snapshot;
import dev.strata.pool.catalog.SnapshotId;
import dev.strata.pool.identity.Permission;
import dev.strata.pool.identity.Principal;
import dev.strata.pool.identity.PrincipalKind;
import dev.strata.pool.identity.PrincipalName;
import dev.strata.pool.jobs.BackupJob;
import dev.strata.pool.jobs.BackupJobId;
import dev.strata.pool.jobs.JobRun;
import dev.strata.pool.jobs.JobRunEvent;
import dev.strata.pool.jobs.JobRunId;
import dev.strata.pool.jobs.JobRunState;
import dev.strata.pool.jobs.JobRunTrigger;
import dev.strata.pool.policy.PolicyName;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scheduled backups: a tenant defines backup jobs (an agent, a backup set, paths, a cron
 * expression); their runs are queued when due or asked for now, claimed by the job's agent (which
 * waits for work with a long poll), reported on, and end done with a snapshot, failed, or missed
 * when the agent did not claim them in time. Each public method is one transaction.
 */
@Stateless
@Interceptors(DomainRules.class)
public class JobService {
  /** At most this many firings of one job are queued at once (after the center was down). */
  static final int MAX_BACKLOG = 100;

  @Inject BackupJobRepository jobs;
  @Inject JobRunRepository runs;
  @Inject BackupSetRepository sets;
  @Inject SnapshotRepository snapshots;
  @Inject PrincipalRepository principals;
  @Inject CronSchedules cron;
  @Inject JobSettings settings;
  @Inject Secrets secrets;
  @Inject Clock clock;

  /**
   * What defines a job: its id, tenant (global callers only), backup set, agent (an agent defining
   * its own job may omit it), paths on the agent's machine, cron expression, and whether it runs.
   */
  public record JobDraft(
      BackupJobId id,
      TenantId tenant,
      BackupSetId backupSet,
      Optional<PrincipalName> agent,
      List<String> paths,
      String cron,
      boolean enabled) {}

  /** A run an agent claimed, with what it needs to run it: the set, its policy and the paths. */
  public record Work(JobRun run, PolicyName policy) {}

  /** What the agent says: running with counts so far, or finished. */
  public enum ReportStatus {
    RUNNING,
    DONE,
    FAILED
  }

  // ---- jobs

  public BackupJob define(Caller caller, JobDraft draft) {
    caller.require(Permission.BACKUPS_MANAGE);
    // A tenant named in the request is checked like any other id: another tenant's is 404.
    TenantId tenant = draft.tenant() != null ? draft.tenant() : caller.tenant().orElse(null);
    if (tenant == null) {
      throw new InvalidValueException("tenant", "name the tenant the backup job belongs to");
    }
    caller.mustSee(Optional.of(tenant), "tenant", tenant);
    if (draft.id().tenant().isPresent() && !draft.id().tenant().get().equals(tenant)) {
      throw new InvalidValueException(
          "id", "a backup job's id is name@tenant, with its own tenant: " + tenant);
    }
    BackupJobId id = draft.id().within(tenant);
    if (jobs.find(id).isPresent()) {
      throw new DuplicateIdentityException("backup job", id);
    }
    Instant now = clock.instant();
    BackupSet set = setOf(tenant, draft.backupSet());
    PrincipalName agent = agentOf(caller, tenant, draft.agent());
    cron.check(draft.cron(), now);
    BackupJob job =
        BackupJob.define(
            id,
            tenant,
            set.id(),
            agent,
            draft.paths(),
            draft.cron(),
            draft.enabled(),
            cron.nextAfter(draft.cron().strip(), now).orElse(null),
            now);
    jobs.add(job);
    return job;
  }

  public Page<BackupJob> list(Caller caller, Optional<TenantId> tenant, PageRequest page) {
    caller.require(Permission.CATALOG_READ);
    return Page.of(jobs.list(caller.scope(tenant), page), page, j -> j.id().value());
  }

  public BackupJob get(Caller caller, BackupJobId id) {
    caller.require(Permission.CATALOG_READ);
    return visible(caller, id);
  }

  /** Describes a job anew (its id and tenant stay); runs already queued keep what they had. */
  public BackupJob redefine(
      Caller caller, BackupJobId id, JobDraft draft, java.util.OptionalLong expectedVersion) {
    caller.require(Permission.BACKUPS_MANAGE);
    BackupJob seen = visible(caller, id);
    BackupJob job = jobs.lock(seen.id()).orElseThrow();
    if (expectedVersion.isPresent() && expectedVersion.getAsLong() != job.version()) {
      throw new VersionConflictException(
          "backup job", job.id(), expectedVersion.getAsLong(), job.version());
    }
    Instant now = clock.instant();
    BackupSet set = setOf(job.tenant(), draft.backupSet());
    PrincipalName agent =
        agentOf(caller, job.tenant(), draft.agent().or(() -> Optional.of(job.agent())));
    cron.check(draft.cron(), now);
    job.redefine(
        set.id(),
        agent,
        draft.paths(),
        draft.cron(),
        draft.enabled(),
        cron.nextAfter(draft.cron().strip(), now).orElse(null),
        now);
    return job;
  }

  /** Deletes a job with its runs' history; refused while one of its runs is claimed or running. */
  public void delete(Caller caller, BackupJobId id) {
    caller.require(Permission.BACKUPS_MANAGE);
    BackupJob job = jobs.lock(visible(caller, id).id()).orElseThrow();
    for (JobRun r : runs.ofJob(job.id(), PageRequest.first(PageRequest.MAX))) {
      if (r.state() == JobRunState.CLAIMED || r.state() == JobRunState.RUNNING) {
        throw new TransitionRefusedException(
            "backup job's run",
            r.id(),
            r.state(),
            "let its job be deleted",
            "wait until it ends; its agent is still backing up");
      }
    }
    jobs.remove(job);
  }

  /** Queues a run of the job now, for its agent to claim within the claim grace. */
  public JobRun runNow(Caller caller, BackupJobId id) {
    caller.require(Permission.BACKUPS_MANAGE);
    BackupJob job = visible(caller, id);
    Instant now = clock.instant();
    return queue(
        job, JobRunTrigger.MANUAL, caller.name(), now, now.plus(settings.claimGrace()), now);
  }

  // ---- runs

  public Page<JobRun> runs(Caller caller, BackupJobId id, PageRequest page) {
    caller.require(Permission.CATALOG_READ);
    BackupJob job = visible(caller, id);
    return Page.of(runs.ofJob(job.id(), page), page, r -> r.id().hex());
  }

  public JobRun run(Caller caller, JobRunId id) {
    caller.require(Permission.CATALOG_READ);
    return visibleRun(caller, id);
  }

  public List<JobRunEvent> events(Caller caller, JobRunId id, long after, int limit) {
    caller.require(Permission.CATALOG_READ);
    visibleRun(caller, id);
    return runs.events(id, after, limit);
  }

  // ---- the agent's side

  /** Whether the calling agent has a queued run (what a waiting long poll checks, cheaply). */
  public boolean hasWork(Caller caller) {
    requireAgent(caller);
    return runs.hasQueued(caller.name());
  }

  /**
   * The calling agent's oldest queued run, claimed; a run whose time to be claimed is over is
   * recorded missed instead and the next one is tried.
   */
  public Optional<Work> claim(Caller caller) {
    requireAgent(caller);
    Instant now = clock.instant();
    while (true) {
      Optional<JobRun> next = runs.nextQueued(caller.name());
      if (next.isEmpty()) {
        return Optional.empty();
      }
      JobRun r = next.get();
      if (r.isOverdue(now)) {
        runs.addEvent(r.miss(missedBecause(r), now));
        continue;
      }
      runs.addEvent(r.claim(now));
      BackupSet set = sets.find(r.backupSet()).orElseThrow();
      return Optional.of(new Work(r, set.policy().name()));
    }
  }

  /**
   * Gives back a run the calling agent claimed but never received (its poll ended first): queued
   * again, for its next poll.
   */
  public void unclaim(Caller caller, JobRunId id) {
    requireAgent(caller);
    runs.lock(id)
        .filter(r -> r.agent().equals(caller.name()) && r.state() == JobRunState.CLAIMED)
        .ifPresent(r -> runs.addEvent(r.unclaim(clock.instant())));
  }

  /** The agent's report: progress while it runs, then the outcome (done names its snapshot). */
  public JobRun report(
      Caller caller,
      JobRunId id,
      ReportStatus status,
      Optional<SnapshotId> snapshot,
      long bytes,
      long files,
      String message) {
    caller.require(Permission.BACKUPS_MANAGE);
    visibleRun(caller, id);
    JobRun r = runs.lock(id).orElseThrow();
    if (!r.agent().equals(caller.name())) {
      throw new AccessDeniedException(
          "job run " + id + " is run by agent " + r.agent() + ", not by " + caller.name());
    }
    Instant now = clock.instant();
    switch (status) {
      case RUNNING -> r.progress(bytes, files, message, now).forEach(runs::addEvent);
      case DONE -> {
        SnapshotId s =
            snapshot.orElseThrow(
                () -> new InvalidValueException("snapshot", "a DONE report names its snapshot"));
        Snapshot recorded =
            snapshots
                .find(s)
                .filter(x -> x.backupSetId().equals(r.backupSet()))
                .orElseThrow(
                    () ->
                        new InvalidValueException(
                            "snapshot",
                            "snapshot "
                                + s.hex()
                                + " is not recorded in backup set "
                                + r.backupSet()
                                + ": commit it before reporting the run done"));
        runs.addEvent(r.done(recorded.id(), bytes, files, message, now));
      }
      case FAILED -> runs.addEvent(r.fail(bytes, files, message, now));
    }
    return r;
  }

  // ---- the schedule (JobScheduler runs these, each in its own transaction)

  /** Jobs with a firing due now. */
  public List<BackupJobId> dueJobs(int limit) {
    return jobs.due(clock.instant(), limit);
  }

  /**
   * Queues a run for each of the job's firings that are due (at most {@link #MAX_BACKLOG}); a
   * firing long past (the center was down) is queued too, and missed at once when its time to be
   * claimed is over, so that it is reported. Returns how many were queued.
   */
  public int fire(BackupJobId id) {
    Optional<BackupJob> found = jobs.lock(id);
    if (found.isEmpty()) {
      return 0;
    }
    BackupJob job = found.get();
    Instant now = clock.instant();
    int queued = 0;
    while (job.isDue(now) && queued < MAX_BACKLOG) {
      Optional<Instant> following = cron.nextAfter(job.cron(), job.nextRunAt().orElseThrow());
      Instant due = job.fired(following, now);
      Duration grace = settings.claimGrace();
      if (following.isPresent()) {
        Duration interval = Duration.between(due, following.get());
        if (interval.compareTo(grace) < 0) {
          grace = interval.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : interval;
        }
      }
      queue(job, JobRunTrigger.SCHEDULE, PrincipalName.of("system"), due, due.plus(grace), now);
      queued++;
    }
    if (job.isDue(now)) {
      // Still behind after a full backlog: skip to the next firing from now on.
      job.fired(cron.nextAfter(job.cron(), now), now);
    }
    return queued;
  }

  /** Queued runs whose time to be claimed is over. */
  public List<JobRunId> overdueRuns(int limit) {
    return runs.overdue(clock.instant(), limit);
  }

  /** Records a queued run missed when its time to be claimed is over. */
  public boolean miss(JobRunId id) {
    Instant now = clock.instant();
    Optional<JobRun> found = runs.lock(id).filter(r -> r.isOverdue(now));
    found.ifPresent(r -> runs.addEvent(r.miss(missedBecause(r), now)));
    return found.isPresent();
  }

  // ---- helpers

  private JobRun queue(
      BackupJob job,
      JobRunTrigger trigger,
      PrincipalName by,
      Instant scheduledFor,
      Instant claimBy,
      Instant now) {
    List<JobRunEvent> events = new ArrayList<>();
    JobRun r =
        JobRun.queue(
            JobRunId.of(String.format("%012x", now.toEpochMilli()) + secrets.newHex(10)),
            job,
            trigger,
            by,
            scheduledFor,
            claimBy,
            now,
            events);
    runs.add(r, events);
    return r;
  }

  private static String missedBecause(JobRun r) {
    return "agent "
        + r.agent()
        + " did not claim the run due at "
        + r.scheduledFor()
        + " by "
        + r.claimBy()
        + " (offline or busy)";
  }

  private static void requireAgent(Caller caller) {
    caller.require(Permission.BACKUPS_MANAGE);
    if (caller.role().kind() != PrincipalKind.AGENT) {
      throw new AccessDeniedException(
          "'" + caller.name() + "' is not an agent: only agents take work");
    }
  }

  private BackupSet setOf(TenantId tenant, BackupSetId id) {
    if (id == null) {
      throw new InvalidValueException("backupSet", "a backup job names its backup set");
    }
    return sets.find(id.within(tenant))
        .or(() -> sets.find(id))
        .filter(s -> s.tenantId().equals(tenant))
        .orElseThrow(
            () ->
                new InvalidValueException(
                    "backupSet", "no backup set " + id + " in tenant " + tenant));
  }

  private PrincipalName agentOf(Caller caller, TenantId tenant, Optional<PrincipalName> named) {
    PrincipalName agent =
        named
            .or(
                () ->
                    caller.role().kind() == PrincipalKind.AGENT
                        ? Optional.of(caller.name())
                        : Optional.empty())
            .orElseThrow(() -> new InvalidValueException("agent", "name the agent that runs it"));
    Principal p =
        principals
            .find(agent)
            .filter(Principal::active)
            .filter(x -> x.kind() == PrincipalKind.AGENT)
            .filter(x -> x.tenant().equals(Optional.of(tenant)))
            .orElseThrow(
                () ->
                    new InvalidValueException(
                        "agent", "no active agent " + agent + " of tenant " + tenant));
    return p.name();
  }

  private BackupJob visible(Caller caller, BackupJobId id) {
    BackupJob j =
        jobs.find(id.seenBy(caller.tenant()))
            .orElseThrow(() -> new UnknownIdentityException("backup job", id));
    caller.mustSee(Optional.of(j.tenant()), "backup job", id);
    return j;
  }

  private JobRun visibleRun(Caller caller, JobRunId id) {
    JobRun r = runs.find(id).orElseThrow(() -> new UnknownIdentityException("job run", id));
    caller.mustSee(Optional.of(r.tenant()), "job run", id);
    return r;
  }
}
