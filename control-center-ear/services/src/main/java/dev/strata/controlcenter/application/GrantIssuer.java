package dev.strata.controlcenter.application;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.NodeName;
import dev.strata.pool.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The control center's signing key for data-plane grants: storage nodes check every grant with its
 * public half, without calling the center (docs/formats/grant.md).
 */
public interface GrantIssuer {
  /** The public key as a node's key file holds it ({@code strata-grant-key-v1 public ...}). */
  String publicKeyText();

  /** What a grant allows; operations are named as in the grant format. */
  enum Operation {
    PACK_WRITE,
    PACK_READ,
    PACK_LIST,
    PACK_COPY,
    TAPE_WRITE,
    TAPE_RECALL,
    VERIFY,
    NODE_READ
  }

  /**
   * A signed grant.
   *
   * @param tenant whose packs (null only for NODE_READ)
   * @param session what it was issued for (audit only)
   * @param node the one node that accepts it
   * @param signers hex Ed25519 public keys whose packs PACK_WRITE may upload
   */
  String issue(
      TenantId tenant,
      String session,
      DataCenterId dataCenter,
      NodeName node,
      Set<Operation> operations,
      List<String> signers,
      Duration lifetime);
}
