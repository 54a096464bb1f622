package dev.strata.controlcenter.application;

import java.time.Duration;

/** The operator's settings scheduled backups follow. */
public interface JobSettings {
  /**
   * How long an agent has to claim a queued run before it is recorded as missed; a scheduled run's
   * grace is never longer than the time to its job's next firing.
   */
  Duration claimGrace();
}
