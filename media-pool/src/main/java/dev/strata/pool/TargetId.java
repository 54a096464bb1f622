package dev.strata.pool;

/** Identity of a storage target, unique across all data centers (for example {@code local-vtl}). */
public record TargetId(String value) {
  public static final String PATTERN = Slug.REGEX;

  public TargetId {
    Slug.require("id", value);
  }

  public static TargetId of(String value) {
    return new TargetId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
