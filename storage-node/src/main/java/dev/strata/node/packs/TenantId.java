package dev.strata.node.packs;

import java.util.regex.Pattern;

/**
 * A tenant, as grants name it. Packs are stored under their tenant, so one tenant's grant never
 * addresses another's packs, even when both hold the same bytes.
 */
public record TenantId(String value) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  public TenantId {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a tenant id is 1-63 characters of letters, digits, '.', '_' or '-'");
    }
  }

  public static TenantId of(String value) {
    return new TenantId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
