/** The node's devices as targets the center ranks, and the probes run where they live. */
package dev.strata.node.targets;
