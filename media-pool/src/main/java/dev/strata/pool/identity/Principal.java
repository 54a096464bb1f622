package dev.strata.pool.identity;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone or something that calls the control center: an operator, a tenant member, an agent or an
 * application. Its name is its identity: {@code <name>@<tenant>} for a tenant's principals, a plain
 * name for operators. People may have a password (stored only as a slow salted hash, computed
 * outside the domain); every principal may hold API keys. A disabled principal can no longer
 * authenticate; it is never deleted, so the audit trail keeps naming it.
 */
public class Principal {
  private String name;
  private PrincipalKind kind;
  private Role role;
  private String tenantId;
  private String passwordHash;
  private Instant createdAt;
  private Instant disabledAt;
  private long version;

  /** For the persistence mapping only. */
  protected Principal() {}

  /**
   * A new principal with {@code role}; {@code tenant} is required for tenant roles and refused for
   * global ones.
   */
  public static Principal create(PrincipalName name, Role role, TenantId tenant, Instant now) {
    Objects.requireNonNull(name, "name");
    if (role == null) {
      throw new InvalidValueException("role", "role is required");
    }
    if (role.kind().tenantBound() && tenant == null) {
      throw new InvalidValueException("tenant", "a " + role + " belongs to a tenant: name it");
    }
    if (!role.kind().tenantBound() && tenant != null) {
      throw new InvalidValueException("tenant", "a " + role + " belongs to no tenant");
    }
    // Each tenant names its principals in its own space (name@tenant) and operators use names
    // without '@': a taken name then never tells anybody about another tenant's principals.
    if (tenant != null && !name.value().endsWith("@" + tenant.value())) {
      throw new InvalidValueException(
          "name",
          "a principal of tenant "
              + tenant
              + " is named <name>@"
              + tenant
              + " (got '"
              + name
              + "')");
    }
    if (tenant == null && name.value().contains("@")) {
      throw new InvalidValueException(
          "name", "an operator's name has no '@' (that is how tenants' principals are named)");
    }
    Principal p = new Principal();
    p.name = name.value();
    p.kind = role.kind();
    p.role = role;
    p.tenantId = tenant == null ? null : tenant.value();
    p.createdAt = now;
    return p;
  }

  /** Sets the password, given as the hash the control center computed for it. */
  public void setPasswordHash(String hash) {
    if (!kind.human()) {
      throw new InvalidValueException(
          "password", "a " + kind + " authenticates with API keys only, not a password");
    }
    this.passwordHash = Objects.requireNonNull(hash, "hash");
  }

  /** Stops the principal from authenticating, for good. */
  public void disable(Instant now) {
    if (disabledAt == null) {
      disabledAt = now;
    }
  }

  public boolean active() {
    return disabledAt == null;
  }

  public PrincipalName name() {
    return new PrincipalName(name);
  }

  public PrincipalKind kind() {
    return kind;
  }

  public Role role() {
    return role;
  }

  public Optional<TenantId> tenant() {
    return tenantId == null ? Optional.empty() : Optional.of(new TenantId(tenantId));
  }

  public Optional<String> passwordHash() {
    return Optional.ofNullable(passwordHash);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> disabledAt() {
    return Optional.ofNullable(disabledAt);
  }

  public long version() {
    return version;
  }
}
