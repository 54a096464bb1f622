/**
 * Scheduled backups: a tenant's backup jobs (what one agent backs up, into which backup set, on
 * which cron schedule) and their runs, each of which is queued when due, claimed by its agent,
 * reported on while it runs, and ends done, failed or missed (nobody claimed it in time).
 */
package dev.strata.pool.jobs;
