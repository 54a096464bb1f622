package dev.strata.pool;

/**
 * Identity of a backup agent, the program on one protected machine. The control center's identity
 * service issues it together with the agent's key; the catalog uses it to say which machine a
 * backup set protects. A slug, so a generated UUID fits as well as a chosen name.
 */
public record AgentId(String value) implements Comparable<AgentId> {
  public static final String PATTERN = Slug.REGEX;

  public AgentId {
    Slug.require("agent", value);
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
