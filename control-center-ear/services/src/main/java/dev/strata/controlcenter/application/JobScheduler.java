package dev.strata.controlcenter.application;

import dev.strata.pool.identity.Permission;
import dev.strata.pool.jobs.BackupJobId;
import dev.strata.pool.jobs.JobRunId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;

/**
 * One round of the backup schedule: queues the runs of jobs that came due and records as missed the
 * queued runs nobody claimed in time. Each job and each run is its own transaction, so one failure
 * holds up nothing else. Run on schedule (see docs/decisions/0038).
 */
@Stateless
@Interceptors(DomainRules.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobScheduler {
  static final int PER_ROUND = 500;

  @Inject JobService jobs;

  /** What one round did. */
  public record Round(int queued, int missed) {}

  public Round tick(Caller caller) {
    caller.require(Permission.POOL_MANAGE);
    int queued = 0;
    for (BackupJobId id : jobs.dueJobs(PER_ROUND)) {
      queued += jobs.fire(id);
    }
    int missed = 0;
    for (JobRunId id : jobs.overdueRuns(PER_ROUND)) {
      if (jobs.miss(id)) {
        missed++;
      }
    }
    return new Round(queued, missed);
  }
}
