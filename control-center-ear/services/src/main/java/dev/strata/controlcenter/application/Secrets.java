package dev.strata.controlcenter.application;

import dev.strata.pool.identity.ApiKeyToken;

/** Fresh secrets from a cryptographically strong source. */
public interface Secrets {
  ApiKeyToken newApiKey();

  /** A password for a principal created without one (the initial administrator). */
  String newPassword();
}
