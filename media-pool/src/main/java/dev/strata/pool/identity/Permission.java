package dev.strata.pool.identity;

/** What a caller may be allowed to do; each role grants a fixed set ({@link Role#permits}). */
public enum Permission {
  /** Read data centers, targets, probes, the ranked pool and media. */
  POOL_READ,
  /** Register and reconfigure data centers and targets, probe now, preview placements. */
  POOL_MANAGE,
  /** Read tenants (all of them for global roles, one's own for tenant members). */
  TENANTS_READ,
  /** Create tenants. */
  TENANTS_MANAGE,
  /** Read principals (all for global roles, one's own tenant's for tenant administrators). */
  PRINCIPALS_READ,
  /** Create and disable principals and issue or revoke their keys (within the caller's reach). */
  PRINCIPALS_MANAGE,
  /** Read the QoS policies. */
  POLICIES_READ,
  /** Define and revise QoS policies. */
  POLICIES_MANAGE,
  /** Read backup sets, snapshots, copies and their protection (scoped to the caller's tenant). */
  CATALOG_READ,
  /** Define backup sets (and, with the data flow, run backups and restores) in one's tenant. */
  BACKUPS_MANAGE,
  /** Read the audit trail. */
  AUDIT_READ
}
