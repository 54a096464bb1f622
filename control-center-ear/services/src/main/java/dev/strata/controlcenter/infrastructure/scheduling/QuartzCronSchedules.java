package dev.strata.controlcenter.infrastructure.scheduling;

import dev.strata.controlcenter.application.CronSchedules;
import dev.strata.pool.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/** Quartz's cron syntax, in UTC, for backup jobs. */
@ApplicationScoped
public class QuartzCronSchedules implements CronSchedules {
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  @Override
  public void check(String cron, Instant now) {
    CronExpression e = parse(cron);
    if (e.getNextValidTimeAfter(Date.from(now)) == null) {
      throw new InvalidValueException("cron", "'" + cron.strip() + "' never fires again");
    }
  }

  @Override
  public Optional<Instant> nextAfter(String cron, Instant after) {
    return Optional.ofNullable(parse(cron).getNextValidTimeAfter(Date.from(after)))
        .map(Date::toInstant);
  }

  private static CronExpression parse(String cron) {
    if (cron == null || cron.isBlank()) {
      throw new InvalidValueException("cron", "a backup job needs a cron expression");
    }
    try {
      CronExpression e = new CronExpression(cron.strip());
      e.setTimeZone(UTC);
      return e;
    } catch (ParseException | RuntimeException e) {
      throw new InvalidValueException(
          "cron",
          "'"
              + cron.strip()
              + "' is not a Quartz cron expression ("
              + e.getMessage()
              + "); it has 6 or 7 fields: seconds minutes hours day-of-month month day-of-week"
              + " [year], one of the two days '?', in UTC, e.g. '0 30 2 * * ?' for 02:30 every"
              + " day");
    }
  }
}
