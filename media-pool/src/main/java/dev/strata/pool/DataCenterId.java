package dev.strata.pool;

/** Identity of a data center, chosen by the operator (for example {@code local}, {@code fra-1}). */
public record DataCenterId(String value) {
  public static final String PATTERN = Slug.REGEX;

  public DataCenterId {
    Slug.require("id", value);
  }

  public static DataCenterId of(String value) {
    return new DataCenterId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
