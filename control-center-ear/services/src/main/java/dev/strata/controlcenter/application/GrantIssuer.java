package dev.strata.controlcenter.application;

/**
 * The control center's signing key for data-plane grants: storage nodes check every grant with its
 * public half, without calling the center (docs/formats/grant.md).
 */
public interface GrantIssuer {
  /** The public key as a node's key file holds it ({@code strata-grant-key-v1 public ...}). */
  String publicKeyText();
}
