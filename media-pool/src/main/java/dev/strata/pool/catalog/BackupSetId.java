package dev.strata.pool.catalog;

import dev.strata.pool.Slug;

/**
 * Identity of a backup set. The control center assigns it (a UUID fits the slug rule), so it
 * reveals nothing about the tenant or the source.
 */
public record BackupSetId(String value) implements Comparable<BackupSetId> {
  public BackupSetId {
    Slug.require("backupSet", value);
  }

  public static BackupSetId of(String value) {
    return new BackupSetId(value);
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
