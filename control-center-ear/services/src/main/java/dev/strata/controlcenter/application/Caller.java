package dev.strata.controlcenter.application;

import dev.strata.pool.AccessDeniedException;
import dev.strata.pool.TenantId;
import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.identity.Permission;
import dev.strata.pool.identity.PrincipalName;
import dev.strata.pool.identity.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling an application service. Every service method takes one: the REST layer passes the
 * authenticated principal, scheduled jobs pass {@link #SYSTEM}. It answers the two questions every
 * use case asks: may this caller do this at all ({@link #require}), and may it see objects of that
 * tenant ({@link #sees}) — an object it may not see does not exist for it ({@link #mustSee}).
 */
public record Caller(PrincipalName name, Role role, Optional<TenantId> tenant) {

  /** The control center itself, for scheduled work: a global administrator. */
  public static final Caller SYSTEM =
      new Caller(PrincipalName.of("system"), Role.ADMIN, Optional.empty());

  public Caller {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(tenant, "tenant");
    if (role.global() != tenant.isEmpty()) {
      throw new IllegalArgumentException(
          "a " + role + " caller " + (role.global() ? "has no" : "needs a") + " tenant");
    }
  }

  /** Refuses the call unless the caller's role grants {@code p}. */
  public void require(Permission p) {
    if (!role.permits(p)) {
      throw new AccessDeniedException(
          "'"
              + name
              + "' ("
              + role
              + ") is not allowed to "
              + p.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
  }

  public boolean permits(Permission p) {
    return role.permits(p);
  }

  /** Whether the caller sees every tenant. */
  public boolean global() {
    return role.global();
  }

  /**
   * Whether objects of {@code owner} (empty: objects of no tenant, such as operators) are visible.
   */
  public boolean sees(Optional<TenantId> owner) {
    return global() || (owner.isPresent() && owner.equals(tenant));
  }

  /** Refuses as unknown (404, like an id that does not exist) what the caller may not see. */
  public void mustSee(Optional<TenantId> owner, String what, Object id) {
    if (!sees(owner)) {
      throw new UnknownIdentityException(what, id);
    }
  }

  /**
   * The tenant a listing is limited to: for global callers the one they ask for (or all, empty);
   * tenant callers always get their own, and asking for another tenant finds nothing of it.
   */
  public Optional<TenantId> scope(Optional<TenantId> asked) {
    if (global()) {
      return asked;
    }
    if (asked.isPresent() && !asked.equals(tenant)) {
      throw new UnknownIdentityException("tenant", asked.get());
    }
    return tenant;
  }
}
