/**
 * The node's side of the control center: it enrols once with a one-time token, keeps what it was
 * given in its data directory, and sends heartbeats that register its targets and carry their
 * probes.
 */
package dev.strata.node.center;
