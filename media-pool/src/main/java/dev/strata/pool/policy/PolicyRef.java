package dev.strata.pool.policy;

import dev.strata.pool.InvalidValueException;
import java.util.Objects;

/**
 * One revision of a policy, as a backup set records the terms it was planned under: a later
 * revision of the same name means its copies must be converged to the new terms.
 */
public record PolicyRef(PolicyName name, int revision) implements Comparable<PolicyRef> {
  public PolicyRef {
    Objects.requireNonNull(name, "name");
    if (revision < 1) {
      throw new InvalidValueException("revision", "a policy revision is 1 or more");
    }
  }

  public static PolicyRef of(String name, int revision) {
    return new PolicyRef(PolicyName.of(name), revision);
  }

  /** Whether {@code other} is a later revision of the same policy. */
  public boolean isSupersededBy(PolicyRef other) {
    return other.name.equals(name) && other.revision > revision;
  }

  @Override
  public int compareTo(PolicyRef o) {
    int c = name.compareTo(o.name);
    return c != 0 ? c : Integer.compare(revision, o.revision);
  }

  /** {@code gold@3}. */
  @Override
  public String toString() {
    return name + "@" + revision;
  }
}
