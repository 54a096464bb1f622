package dev.strata.controlcenter.application;

import dev.strata.pool.identity.ApiKey;
import dev.strata.pool.identity.PrincipalName;
import java.util.List;
import java.util.Optional;

/** The API keys in the catalog (hashes of their secrets, never the secrets). */
public interface ApiKeyRepository {
  Optional<ApiKey> find(String id);

  /** Every key of {@code owner}, newest first. */
  List<ApiKey> of(PrincipalName owner);

  void add(ApiKey key);
}
