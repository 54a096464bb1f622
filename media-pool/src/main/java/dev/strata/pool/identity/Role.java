package dev.strata.pool.identity;

import static dev.strata.pool.identity.Permission.AUDIT_READ;
import static dev.strata.pool.identity.Permission.BACKUPS_MANAGE;
import static dev.strata.pool.identity.Permission.CATALOG_READ;
import static dev.strata.pool.identity.Permission.POLICIES_MANAGE;
import static dev.strata.pool.identity.Permission.POLICIES_READ;
import static dev.strata.pool.identity.Permission.POOL_MANAGE;
import static dev.strata.pool.identity.Permission.POOL_READ;
import static dev.strata.pool.identity.Permission.PRINCIPALS_MANAGE;
import static dev.strata.pool.identity.Permission.PRINCIPALS_READ;
import static dev.strata.pool.identity.Permission.TENANTS_MANAGE;
import static dev.strata.pool.identity.Permission.TENANTS_READ;

import java.util.EnumSet;
import java.util.Set;

/**
 * A principal's role and the permissions it grants. Global roles ({@code ADMIN}, {@code OPERATOR},
 * {@code AUDITOR}) see every tenant; the others see only their own tenant's objects.
 */
public enum Role {
  /** Runs the service: everything, including tenants, principals and policies. */
  ADMIN(
      PrincipalKind.OPERATOR,
      EnumSet.of(
          POOL_READ,
          POOL_MANAGE,
          TENANTS_READ,
          TENANTS_MANAGE,
          PRINCIPALS_READ,
          PRINCIPALS_MANAGE,
          POLICIES_READ,
          POLICIES_MANAGE,
          CATALOG_READ,
          BACKUPS_MANAGE,
          AUDIT_READ)),
  /** Runs the media pool day to day: devices, probes, placements; reads the catalog. */
  OPERATOR(
      PrincipalKind.OPERATOR,
      EnumSet.of(POOL_READ, POOL_MANAGE, TENANTS_READ, POLICIES_READ, CATALOG_READ)),
  /** Reads everything, changes nothing: for compliance and audits. */
  AUDITOR(
      PrincipalKind.OPERATOR,
      EnumSet.of(
          POOL_READ, TENANTS_READ, PRINCIPALS_READ, POLICIES_READ, CATALOG_READ, AUDIT_READ)),
  /** Manages one tenant's people, agents and applications and reads its catalog. */
  TENANT_ADMIN(
      PrincipalKind.MEMBER,
      EnumSet.of(
          TENANTS_READ,
          PRINCIPALS_READ,
          PRINCIPALS_MANAGE,
          POLICIES_READ,
          CATALOG_READ,
          BACKUPS_MANAGE)),
  /** Uses one tenant's backups: reads its catalog and restores. */
  TENANT_USER(
      PrincipalKind.MEMBER, EnumSet.of(TENANTS_READ, POLICIES_READ, CATALOG_READ, BACKUPS_MANAGE)),
  /** The backup agent of one protected machine. */
  AGENT(PrincipalKind.AGENT, EnumSet.of(POLICIES_READ, CATALOG_READ, BACKUPS_MANAGE)),
  /** A line-of-business application of one tenant. */
  APPLICATION(
      PrincipalKind.APPLICATION,
      EnumSet.of(TENANTS_READ, POLICIES_READ, CATALOG_READ, BACKUPS_MANAGE));

  private final PrincipalKind kind;
  private final Set<Permission> permissions;

  Role(PrincipalKind kind, Set<Permission> permissions) {
    this.kind = kind;
    this.permissions = Set.copyOf(permissions);
  }

  /** The kind of principal this role is for. */
  public PrincipalKind kind() {
    return kind;
  }

  public boolean permits(Permission p) {
    return permissions.contains(p);
  }

  /** Whether this role sees every tenant (otherwise only its own). */
  public boolean global() {
    return !kind.tenantBound();
  }
}
