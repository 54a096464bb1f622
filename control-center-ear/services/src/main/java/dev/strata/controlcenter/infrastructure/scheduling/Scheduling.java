package dev.strata.controlcenter.infrastructure.scheduling;

import dev.strata.controlcenter.application.JobScheduler;
import dev.strata.controlcenter.application.NodeService;
import dev.strata.controlcenter.application.ProbeService;
import dev.strata.controlcenter.application.ReplicationService;
import dev.strata.controlcenter.application.RestorePreparation;
import dev.strata.controlcenter.infrastructure.config.StrataConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Owns the Quartz scheduler of this control center and the schedule of its recurring jobs. Starts
 * after the catalog is migrated and the embedded pool provisioned.
 *
 * <p>The job store is in memory for now: every schedule is derived from configuration at start-up,
 * so nothing is lost on restart. A clustered JDBC job store on the catalog (one firing across
 * several control centers) arrives with scale-out; see docs/decisions/0005.
 */
@Singleton
@Startup
@DependsOn({"CatalogMigration", "EmbeddedPool"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Scheduling {
  private static final Logger LOG = Logger.getLogger(Scheduling.class.getName());

  @Inject StrataConfig config;
  @Inject ProbeService probes;
  @Inject NodeService nodes;
  @Inject ReplicationService replication;
  @Inject RestorePreparation restorePreparation;
  @Inject JobScheduler backupJobs;

  private Scheduler scheduler;

  @PostConstruct
  void start() {
    Properties p = new Properties();
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "strata");
    // Replication and restore preparation wait on nodes (tape): room for them beside the probes.
    p.setProperty("org.quartz.threadPool.threadCount", "4");
    p.setProperty("org.quartz.threadPool.threadNamePrefix", "strata-scheduler");
    p.setProperty(
        "org.quartz.threadPool.threadsInheritContextClassLoaderOfInitializingThread", "true");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    try {
      scheduler = new StdSchedulerFactory(p).getScheduler();
      scheduler.setJobFactory(
          new JobRegistry(
              Map.of(
                  ProbeTargetsJob.class,
                  () -> new ProbeTargetsJob(probes),
                  PruneProbesJob.class,
                  () -> new PruneProbesJob(probes),
                  WatchNodesJob.class,
                  () -> new WatchNodesJob(nodes),
                  ReplicateJob.class,
                  () -> new ReplicateJob(replication),
                  PrepareRestoresJob.class,
                  () -> new PrepareRestoresJob(restorePreparation),
                  RunBackupJobsJob.class,
                  () -> new RunBackupJobsJob(backupJobs))));
      every(ProbeTargetsJob.class, "probe-targets", config.probeInterval());
      every(PruneProbesJob.class, "prune-probes", Duration.ofHours(1));
      every(WatchNodesJob.class, "watch-nodes", config.nodeHeartbeatInterval());
      every(ReplicateJob.class, "replicate", config.replicationInterval());
      every(PrepareRestoresJob.class, "prepare-restores", config.replicationInterval());
      every(RunBackupJobsJob.class, "run-backup-jobs", config.jobScanInterval());
      scheduler.start();
      LOG.info(() -> "scheduler started; probing targets every " + config.probeInterval());
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the scheduler", e);
    }
  }

  /** Schedules {@code job} now and then every {@code interval}; a missed firing is skipped. */
  private void every(Class<? extends Job> job, String name, Duration interval)
      throws SchedulerException {
    scheduler.scheduleJob(
        JobBuilder.newJob(job).withIdentity(name, "pool").build(),
        TriggerBuilder.newTrigger()
            .withIdentity(name, "pool")
            .startNow()
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(interval.toMillis())
                    .repeatForever()
                    .withMisfireHandlingInstructionNextWithRemainingCount())
            .build());
  }

  /** Whether the scheduler is running (for the readiness check). */
  public boolean isRunning() {
    try {
      return scheduler != null && scheduler.isStarted() && !scheduler.isShutdown();
    } catch (SchedulerException e) {
      return false;
    }
  }

  @PreDestroy
  void stop() {
    try {
      if (scheduler != null) {
        scheduler.shutdown(true);
      }
    } catch (SchedulerException e) {
      LOG.warning("scheduler shutdown: " + e);
    }
  }
}
