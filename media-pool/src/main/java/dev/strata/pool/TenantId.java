package dev.strata.pool;

/**
 * Identity of a tenant: the organisation or customer whose backups, policies and bills are kept
 * apart from everyone else's. Chosen at creation (for example {@code acme}, {@code finance}) under
 * the same rule as a data center's id, so it is safe in paths, bucket prefixes and URLs.
 */
public record TenantId(String value) implements Comparable<TenantId> {
  public static final String PATTERN = Slug.REGEX;

  public TenantId {
    Slug.require("tenant", value);
  }

  public static TenantId of(String value) {
    return new TenantId(value);
  }

  @Override
  public int compareTo(TenantId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
