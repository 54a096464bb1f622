package dev.strata.controlcenter.application;

import dev.strata.pool.TenantId;
import dev.strata.pool.identity.Tenant;
import java.util.List;
import java.util.Optional;

/** The tenants in the catalog. */
public interface TenantRepository {
  Optional<Tenant> find(TenantId id);

  /** In id order, one more than asked when there are more. */
  List<Tenant> list(PageRequest page);

  void add(Tenant tenant);
}
