package dev.strata.pool;

import java.util.regex.Pattern;

/**
 * Identity of a backup agent, the program on one protected machine: the name of the agent's
 * principal ({@code laptop-7@acme}), so the catalog says which machine a backup set protects in the
 * same words the audit trail uses for who acted.
 */
public record AgentId(String value) implements Comparable<AgentId> {
  /** The shape of a principal name (see {@code identity.PrincipalName}). */
  public static final String PATTERN = "[a-z0-9][a-z0-9._@-]{0,62}";

  private static final Pattern SHAPE = Pattern.compile(PATTERN);

  public AgentId {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new InvalidValueException(
          "agent",
          "agent must be the name of an agent principal: 1-63 lower-case letters, digits or . _ @"
              + " - (got '"
              + value
              + "')");
    }
  }

  public static AgentId of(String value) {
    return new AgentId(value);
  }

  @Override
  public int compareTo(AgentId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
