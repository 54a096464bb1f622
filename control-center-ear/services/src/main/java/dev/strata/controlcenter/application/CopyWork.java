package dev.strata.controlcenter.application;

import dev.strata.pool.TenantId;
import dev.strata.pool.catalog.PackHash;
import java.net.URI;

/**
 * One step the replication asks of a storage node, decided in a transaction and carried out outside
 * of one: copy a pack to another node's landing disk, copy it from a node's landing disk to another
 * of its targets, stage it for tape, look whether staged data reached tape, or read a copy back.
 *
 * @param copyId the catalog's copy the step makes or checks
 * @param node the node that does the work
 * @param destination the receiving node (NODE_COPY)
 * @param target the node's own name of the target (TARGET_COPY, VERIFY), or the tape pool
 * @param signer the hex key the pack is signed with (what the destination's grant must trust)
 * @param immutability how long the copy, once durable, may not be deleted
 */
public record CopyWork(
    Kind kind,
    long copyId,
    TenantId tenant,
    PackHash pack,
    NodeRef node,
    NodeRef destination,
    String target,
    String signer,
    java.time.Duration immutability) {

  /** What is asked of the node. */
  public enum Kind {
    NODE_COPY,
    TARGET_COPY,
    STAGE,
    POLL_TAPE,
    VERIFY
  }

  /** A node, as the work needs to reach it and to grant for it. */
  public record NodeRef(String name, String dataCenter, URI url) {}
}
