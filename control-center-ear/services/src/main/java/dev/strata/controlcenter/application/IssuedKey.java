package dev.strata.controlcenter.application;

import dev.strata.pool.identity.ApiKey;

/** A key just issued, with the one and only copy of its token. */
public record IssuedKey(ApiKey key, String token) {
  /** Never the token. */
  @Override
  public String toString() {
    return "IssuedKey[" + key.id() + "]";
  }
}
