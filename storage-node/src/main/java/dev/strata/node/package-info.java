/**
 * The storage node: the process that owns one data center's devices and does the data work next to
 * them (receive, serve, copy, verify, stage to tape, recall). {@link dev.strata.node.StorageNode}
 * composes it; {@link dev.strata.node.NodeMain} is its command line.
 */
package dev.strata.node;
