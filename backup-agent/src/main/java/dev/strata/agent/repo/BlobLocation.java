package dev.strata.agent.repo;

import dev.strata.disk.PackName;
import dev.strata.format.repo.PackEntry;

/** Where a blob can be read: the pack and the blob's entry in its index. */
public record BlobLocation(PackName pack, PackEntry entry) {}
