package dev.strata.controlcenter.infrastructure.scheduling;

import java.util.Map;
import java.util.function.Supplier;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Creates Quartz jobs from suppliers that {@link Scheduling} wires with the application services it
 * was injected with. (A CDI-backed job factory left the jobs' injection points empty when the
 * control center runs as an EAR on Payara Server; explicit wiring behaves the same in both
 * deployables. See docs/decisions/0006.)
 */
final class JobRegistry implements JobFactory {
  private final Map<Class<? extends Job>, Supplier<? extends Job>> jobs;

  JobRegistry(Map<Class<? extends Job>, Supplier<? extends Job>> jobs) {
    this.jobs = Map.copyOf(jobs);
  }

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
    Class<? extends Job> type = bundle.getJobDetail().getJobClass();
    Supplier<? extends Job> supplier = jobs.get(type);
    if (supplier == null) {
      throw new SchedulerException("no job registered for " + type.getName());
    }
    return supplier.get();
  }
}
