package dev.strata.controlcenter.application;

import dev.strata.pool.identity.PrincipalName;
import dev.strata.pool.jobs.BackupJobId;
import dev.strata.pool.jobs.JobRun;
import dev.strata.pool.jobs.JobRunEvent;
import dev.strata.pool.jobs.JobRunId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Runs of backup jobs and their events. */
public interface JobRunRepository {
  Optional<JobRun> find(JobRunId id);

  /** As {@link #find}, locked against concurrent changes until the transaction ends. */
  Optional<JobRun> lock(JobRunId id);

  void add(JobRun run, List<JobRunEvent> events);

  void addEvent(JobRunEvent event);

  /**
   * Runs of one job, newest first (ids begin with their time); {@code page.after()} is the last id
   * of the previous page. One more than asked when there are more.
   */
  List<JobRun> ofJob(BackupJobId job, PageRequest page);

  /** The oldest queued run of {@code agent}, locked (another poll cannot take it too). */
  Optional<JobRun> nextQueued(PrincipalName agent);

  /** Whether {@code agent} has a queued run (cheap, unlocked: what a waiting poll checks). */
  boolean hasQueued(PrincipalName agent);

  /**
   * Ids of queued runs whose time to be claimed ended before {@code now}, at most {@code limit}.
   */
  List<JobRunId> overdue(Instant now, int limit);

  /** The events of a run after {@code sequence}, in order, at most {@code limit}. */
  List<JobRunEvent> events(JobRunId run, long afterSequence, int limit);
}
