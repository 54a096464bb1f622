package dev.strata.controlcenter.application;

import dev.strata.pool.TenantId;
import dev.strata.pool.catalog.RepositoryObject;
import java.util.List;
import java.util.Optional;

/** The repository objects the center keeps for tenants. */
public interface RepositoryObjectRepository {
  Optional<RepositoryObject> find(TenantId tenant, String name);

  /**
   * Of {@code tenant} whose names start with {@code prefix}, after {@code after}, in name order.
   */
  List<RepositoryObject> list(TenantId tenant, String prefix, String after, int limit);

  void add(RepositoryObject object);

  void delete(RepositoryObject object);
}
