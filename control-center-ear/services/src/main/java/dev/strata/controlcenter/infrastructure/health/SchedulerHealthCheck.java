package dev.strata.controlcenter.infrastructure.health;

import dev.strata.controlcenter.infrastructure.scheduling.Scheduling;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Live and ready only while the scheduler runs: without it no target is probed. */
@Liveness
@Readiness
@ApplicationScoped
public class SchedulerHealthCheck implements HealthCheck {

  @Inject Scheduling scheduling;

  @Override
  public HealthCheckResponse call() {
    boolean running;
    try {
      running = scheduling.isRunning();
    } catch (RuntimeException e) {
      running = false; // still starting: the singleton is not ready for calls yet
    }
    return HealthCheckResponse.named("scheduler").status(running).build();
  }
}
