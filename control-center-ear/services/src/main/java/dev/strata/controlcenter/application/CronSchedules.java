package dev.strata.controlcenter.application;

import java.time.Instant;
import java.util.Optional;

/**
 * The cron syntax backup jobs are scheduled with (Quartz's: seconds, minutes, hours, day of month,
 * month, day of week, optional year; times in UTC). Kept behind this interface so the application
 * does not depend on the scheduler's classes.
 */
public interface CronSchedules {
  /**
   * Refuses an expression the syntax does not accept, or that never fires after {@code now}, with
   * an {@link dev.strata.pool.InvalidValueException} on field {@code cron} that says why.
   */
  void check(String cron, Instant now);

  /** The first firing of {@code cron} strictly after {@code after}; empty when it fires no more. */
  Optional<Instant> nextAfter(String cron, Instant after);
}
