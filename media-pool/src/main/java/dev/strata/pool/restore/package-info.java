/**
 * Restores: which copy of each pack a restore reads (the best one, and the next when it fails), how
 * long it will take before it starts, and the record of a restore as it runs.
 */
package dev.strata.pool.restore;
