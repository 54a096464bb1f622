package dev.strata.pool;

/**
 * Identity of a storage node, chosen when it enrols (for example {@code dc2-node}): the process
 * that owns one data center's devices and does the data work next to them.
 */
public record NodeName(String value) implements Comparable<NodeName> {
  public NodeName {
    Slug.require("node", value);
  }

  public static NodeName of(String value) {
    return new NodeName(value);
  }

  @Override
  public int compareTo(NodeName o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
