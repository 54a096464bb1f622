/**
 * The backup catalog's domain: backup sets (a tenant's protected source and the policy revision it
 * was planned under), snapshots, packs, the copies of packs on targets and media (with their life
 * cycle from planned to verified, suspect, lost or deleted), and the media themselves (cartridges,
 * disk and object volumes). A snapshot's {@link dev.strata.pool.catalog.Protection} is derived from
 * its copies with the policy's {@link dev.strata.pool.policy.CopyRequirements} — the same reading
 * the placement planner uses — and is never stored.
 */
package dev.strata.pool.catalog;
