package dev.strata.format.grant;

/**
 * What a grant allows on a storage node. Written by name in the token (never by position), so
 * operations can be added without changing the meaning of old tokens; a name this build does not
 * know is refused when the token is read.
 */
public enum GrantOperation {
  /** Upload packs (their signer must be one of the grant's signer keys). */
  PACK_WRITE,
  /** Download packs or byte ranges of them. */
  PACK_READ,
  /** Ask which packs exist (for deduplication), without reading them. */
  PACK_LIST,
  /** Have this node push packs to another node (which needs its own grant to accept them). */
  PACK_COPY,
  /** Stage packs for tape and follow the writing of them. */
  TAPE_WRITE,
  /** Recall packs from tape into staging. */
  TAPE_RECALL,
  /** Read a stored copy back and check its hash and signature. */
  VERIFY,
  /** Read the node's state: targets, probes, drives, tasks (not bound to one tenant's data). */
  NODE_READ
}
