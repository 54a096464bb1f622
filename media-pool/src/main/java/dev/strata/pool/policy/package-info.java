/**
 * Quality-of-service policies: what a backup set is promised (copies, data-center spread, media
 * classes, immutability, retention, verification, the service floor of the targets that hold its
 * copies, a restore-time objective, a price), as immutable, numbered revisions. {@link
 * dev.strata.pool.policy.CopyRequirements} is the one reading of "the copies a policy requires"
 * that the placement planner and the catalog's protection state share.
 */
package dev.strata.pool.policy;
