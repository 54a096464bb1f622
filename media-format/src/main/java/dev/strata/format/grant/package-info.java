/**
 * Data-plane grants: small, signed, short-lived tokens in which the control center says who may do
 * what with which tenant's packs on which storage node, so that a node can check every data call
 * without calling the center. Format version 1 is specified in {@code docs/formats/grant.md}.
 */
package dev.strata.format.grant;
