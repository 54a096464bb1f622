package dev.strata.pool;

/**
 * Identity of a tenant — an organisation whose sources, backups and bills are kept apart from every
 * other's — chosen by the operator (for example {@code acme}).
 */
public record TenantId(String value) {
  public static final String PATTERN = Slug.REGEX;

  public TenantId {
    Slug.require("tenant", value);
  }

  public static TenantId of(String value) {
    return new TenantId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
