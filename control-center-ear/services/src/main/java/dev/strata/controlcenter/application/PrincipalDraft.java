package dev.strata.controlcenter.application;

import dev.strata.pool.TenantId;
import dev.strata.pool.identity.PrincipalName;
import dev.strata.pool.identity.Role;

/**
 * What is given to create a principal: its name, role, tenant (for tenant roles) and, for people,
 * an optional initial password (never stored as given).
 */
public record PrincipalDraft(PrincipalName name, Role role, TenantId tenant, char[] password) {
  /** Never the password. */
  @Override
  public String toString() {
    return "PrincipalDraft[" + name + ", " + role + ", " + tenant + "]";
  }
}
