package dev.strata.pool.catalog;

/**
 * The Ed25519 public key that signed a snapshot and its packs, as 64 hex digits: what the control
 * center and the storage nodes verify packs with, holding no decryption key.
 */
public record SigningKey(String hex) {
  public SigningKey {
    Hex64.require("signingKey", hex, "an Ed25519 public key");
  }

  public static SigningKey of(String hex) {
    return new SigningKey(hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
