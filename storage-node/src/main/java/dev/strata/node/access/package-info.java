/** Who may do what on this node: grants checked locally with the center's public key. */
package dev.strata.node.access;
