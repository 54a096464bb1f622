package dev.strata.controlcenter.application;

import dev.strata.pool.TenantId;
import dev.strata.pool.catalog.PackHash;
import java.net.URI;
import java.util.Collection;
import java.util.List;
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

  /**
   * Streams a pack an agent sends through the center to the node, which verifies and keeps it;
   * answers the length the node stored.
   *
   * @throws dev.strata.pool.InvalidValueException when the node refuses the pack (its hash or
   *     signature is wrong), with the node's reason
   * @throws NodeUnavailableException when the node cannot take it now
   */
  long upload(
      URI node,
      String grant,
      TenantId tenant,
      PackHash pack,
      long length,
      java.io.InputStream body);

  /** How one pack's copy went: made (or already there), or not, and why. */
  record CopyOutcome(PackHash pack, boolean ok, String detail) {}

  /** Has the node copy {@code packs} from its landing store to its own target {@code target}. */
  List<CopyOutcome> copyToTarget(
      URI node, String grant, TenantId tenant, List<PackHash> packs, String target);

  /**
   * Has the node push {@code packs} to the node at {@code destination}, which checks them with
   * {@code destinationGrant} as any upload and keeps them in its landing store.
   */
  List<CopyOutcome> copyToNode(
      URI node,
      String grant,
      TenantId tenant,
      List<PackHash> packs,
      URI destination,
      String destinationGrant);

  /** Stages packs of the node's landing store for the tape pool {@code pool}. */
  void stageForTape(URI node, String grant, TenantId tenant, String pool, List<PackHash> packs);

  /** Where a pack staged for tape is: not yet written, or on tape at these places. */
  record TapeState(boolean written, List<TapePiece> pieces) {}

  /** One piece of a pack on a cartridge (a pack may span cartridges). */
  record TapePiece(String barcode, long file, long block, long offset, long length) {}

  TapeState tapeState(URI node, String grant, TenantId tenant, String pool, PackHash pack);

  /** Packs recalled from tape into the node's landing store, and those no cartridge gave. */
  record Recall(List<PackHash> recalled, List<PackHash> missing, int mounts) {}

  /**
   * Has the node read {@code packs} from its tape copies into its landing store, in tape order with
   * one mount per cartridge, each checked against its SHA-256; they are then served like uploads.
   */
  Recall recall(URI node, String grant, TenantId tenant, List<PackHash> packs);

  /** A copy read back whole: found, and its hash and signature correct. */
  record Verification(boolean found, boolean ok, String problem) {}

  /** Reads a copy back ({@code copy}: a target name, or {@code tape:<pool>}) and checks it. */
  Verification verify(URI node, String grant, TenantId tenant, PackHash pack, String copy);

  /** A node did not answer, or answered something other than the API promises. */
  final class NodeUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NodeUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
