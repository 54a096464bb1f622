package dev.strata.pool.identity;

/** The kinds of principal that call the control center. */
public enum PrincipalKind {
  /** A person who runs the service for everyone: global roles, no tenant. */
  OPERATOR(true, false),
  /** A person of one tenant. */
  MEMBER(true, true),
  /** The backup agent on one protected machine of a tenant; authenticates with API keys only. */
  AGENT(false, true),
  /** A line-of-business application of a tenant; authenticates with API keys only. */
  APPLICATION(false, true);

  private final boolean human;
  private final boolean tenantBound;

  PrincipalKind(boolean human, boolean tenantBound) {
    this.human = human;
    this.tenantBound = tenantBound;
  }

  /** Whether principals of this kind may have a password (machines hold keys only). */
  public boolean human() {
    return human;
  }

  /** Whether principals of this kind belong to exactly one tenant. */
  public boolean tenantBound() {
    return tenantBound;
  }
}
