package dev.strata.controlcenter.application;

import dev.strata.pool.catalog.PackCopy;
import dev.strata.pool.catalog.Protection;
import dev.strata.pool.catalog.Snapshot;
import java.util.List;

/** A snapshot with its protection, derived now from its copies and its policy, and the copies. */
public record SnapshotStatus(Snapshot snapshot, Protection protection, List<PackCopy> copies) {}
