package dev.strata.controlcenter.application;

import dev.strata.pool.catalog.PackHash;
import java.net.URI;

/** Where a pack can be read now: a node holding a copy, and a grant to read it there. */
public record ReadSource(PackHash pack, String target, URI node, String grant) {
  /** Never the grant. */
  @Override
  public String toString() {
    return "ReadSource[" + pack + " @ " + target + "]";
  }
}
