package dev.strata.node.packs;

import java.util.Optional;

/**
 * What the node answers once a pack is durable.
 *
 * @param pack the pack
 * @param length its size
 * @param created true when this call stored it, false when the node already had it
 * @param signer the Ed25519 key that signed it (hex), when this call verified it
 */
public record Receipt(PackId pack, long length, boolean created, Optional<String> signer) {}
