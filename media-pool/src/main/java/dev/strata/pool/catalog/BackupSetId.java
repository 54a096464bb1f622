package dev.strata.pool.catalog;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.Slug;
import dev.strata.pool.TenantId;
import java.util.Optional;

/**
 * Identity of a backup set: {@code name@tenant}, as tenant principals are named, so that two
 * tenants may each have a set called {@code laptop} and a taken name tells nothing about another
 * tenant. A caller of a tenant may leave out {@code @tenant} ({@link #seenBy}); at most 63
 * characters in all. Sets defined before ids were qualified keep their plain slug.
 */
public record BackupSetId(String value) implements Comparable<BackupSetId> {
  public static final int MAX_LENGTH = 63;

  public BackupSetId {
    if (value == null || value.isEmpty()) {
      throw new InvalidValueException("backupSet", "backupSet is required");
    }
    int at = value.indexOf('@');
    Slug.require("backupSet", at < 0 ? value : value.substring(0, at));
    if (at >= 0) {
      Slug.require("backupSet", value.substring(at + 1));
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidValueException(
          "backupSet",
          "a backup set's id, name@tenant, has at most "
              + MAX_LENGTH
              + " characters (got '"
              + value
              + "')");
    }
  }

  public static BackupSetId of(String value) {
    return new BackupSetId(value);
  }

  /** The tenant its id names, if it names one. */
  public Optional<TenantId> tenant() {
    int at = value.indexOf('@');
    return at < 0 ? Optional.empty() : Optional.of(TenantId.of(value.substring(at + 1)));
  }

  /** This id in tenant {@code t}: unchanged when it names a tenant, else {@code value@t}. */
  public BackupSetId within(TenantId t) {
    return value.indexOf('@') >= 0 ? this : new BackupSetId(value + "@" + t.value());
  }

  /** The id a caller of {@code tenant} means (one of no tenant means it as written). */
  public BackupSetId seenBy(Optional<TenantId> tenant) {
    return tenant.map(this::within).orElse(this);
  }

  @Override
  public int compareTo(BackupSetId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
