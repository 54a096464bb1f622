package dev.strata.controlcenter.application;

import dev.strata.pool.TenantId;
import dev.strata.pool.catalog.PackHash;
import java.net.URI;
import java.util.Collection;
import java.util.Map;

/** What the control center asks of storage nodes itself (with grants it issues to itself). */
public interface NodeGateway {
  /**
   * The lengths of those of {@code packs} the node at {@code node} holds for {@code tenant}; absent
   * packs are missing from the map.
   *
   * @throws NodeUnavailableException when the node cannot be asked
   */
  Map<PackHash, Long> present(URI node, String grant, TenantId tenant, Collection<PackHash> packs);

  /** A node did not answer, or answered something other than the API promises. */
  final class NodeUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NodeUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
