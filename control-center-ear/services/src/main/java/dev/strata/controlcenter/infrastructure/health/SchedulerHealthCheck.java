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
    return HealthCheckResponse.named("scheduler").status(scheduling.isRunning()).build();
  }
}
