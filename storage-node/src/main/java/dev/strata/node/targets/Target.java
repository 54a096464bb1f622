package dev.strata.node.targets;

import dev.strata.disk.PackStores;
import dev.strata.node.tape.NodeLibrary;
import java.util.Optional;

/**
 * A device of the node under the name the node reports it by: a pack store (disk or bucket) or a
 * tape library.
 *
 * @param location where it is, without secrets (for display)
 */
public record Target(
    String name,
    TargetKind kind,
    String location,
    Optional<PackStores.Opened> store,
    Optional<NodeLibrary> library) {}
