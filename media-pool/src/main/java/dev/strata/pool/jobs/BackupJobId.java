package dev.strata.pool.jobs;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.Slug;
import dev.strata.pool.TenantId;
import java.util.Optional;

/**
 * Identity of a backup job: {@code name@tenant}, as backup sets are named, so tenants' job names
 * never collide nor reveal each other; a caller of a tenant may leave out {@code @tenant}. At most
 * 63 characters in all.
 */
public record BackupJobId(String value) implements Comparable<BackupJobId> {
  public static final int MAX_LENGTH = 63;

  public BackupJobId {
    if (value == null || value.isEmpty()) {
      throw new InvalidValueException("id", "a backup job's id is required");
    }
    int at = value.indexOf('@');
    Slug.require("id", at < 0 ? value : value.substring(0, at));
    if (at >= 0) {
      Slug.require("id", value.substring(at + 1));
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidValueException(
          "id", "a backup job's id, name@tenant, has at most " + MAX_LENGTH + " characters");
    }
  }

  public static BackupJobId of(String value) {
    return new BackupJobId(value);
  }

  /** The tenant its id names, if it names one. */
  public Optional<TenantId> tenant() {
    int at = value.indexOf('@');
    return at < 0 ? Optional.empty() : Optional.of(TenantId.of(value.substring(at + 1)));
  }

  /** This id in tenant {@code t}: unchanged when it names a tenant, else {@code value@t}. */
  public BackupJobId within(TenantId t) {
    return value.indexOf('@') >= 0 ? this : new BackupJobId(value + "@" + t.value());
  }

  /** The id a caller of {@code tenant} means (one of no tenant means it as written). */
  public BackupJobId seenBy(Optional<TenantId> tenant) {
    return tenant.map(this::within).orElse(this);
  }

  @Override
  public int compareTo(BackupJobId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
