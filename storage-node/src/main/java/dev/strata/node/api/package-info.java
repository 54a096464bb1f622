/**
 * The node's HTTP API (JAX-RS on Jersey): thin resources that check the caller's grant, call one
 * service method and render the answer; errors as RFC 9457 problem documents.
 */
package dev.strata.node.api;
