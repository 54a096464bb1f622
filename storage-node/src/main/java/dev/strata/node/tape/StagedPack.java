package dev.strata.node.tape;

import dev.strata.node.packs.PackId;
import dev.strata.node.packs.TenantId;
import java.time.Instant;

/**
 * A pack waiting on the node's disk to be written to a cartridge of {@code pool}: a tape-writing
 * task, durable until its copy is journalled.
 */
public record StagedPack(
    TenantId tenant, PackId pack, String pool, long length, Instant stagedAt) {}
