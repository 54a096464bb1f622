/** Packs on the node's disk: per-tenant names, the verified receive, reads, copies. */
package dev.strata.node.packs;
