package dev.strata.controlcenter.infrastructure.scheduling;

import jakarta.enterprise.inject.spi.BeanManager;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Lets Quartz obtain its jobs from CDI, so that a job can {@code @Inject} the one application
 * service it calls. Jobs are {@code @ApplicationScoped}: stateless, created once, never leaked.
 */
final class CdiJobFactory implements JobFactory {
  private final BeanManager beans;

  CdiJobFactory(BeanManager beans) {
    this.beans = beans;
  }

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
    Class<? extends Job> type = bundle.getJobDetail().getJobClass();
    try {
      return beans.createInstance().select(type).get();
    } catch (RuntimeException e) {
      throw new SchedulerException("no CDI bean for job " + type.getName(), e);
    }
  }
}
