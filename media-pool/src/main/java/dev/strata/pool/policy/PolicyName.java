package dev.strata.pool.policy;

import dev.strata.pool.Slug;

/** The name of a QoS policy ({@code gold}, {@code silver}, ...); all its revisions share it. */
public record PolicyName(String value) implements Comparable<PolicyName> {
  public static final String PATTERN = Slug.REGEX;

  public PolicyName {
    Slug.require("policy", value);
  }

  public static PolicyName of(String value) {
    return new PolicyName(value);
  }

  @Override
  public int compareTo(PolicyName o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
