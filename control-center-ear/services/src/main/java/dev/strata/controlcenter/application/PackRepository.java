package dev.strata.controlcenter.application;

import dev.strata.pool.TenantId;
import dev.strata.pool.catalog.Pack;
import dev.strata.pool.catalog.PackHash;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The packs tenants stored (one row per tenant and pack, whatever its copies). */
public interface PackRepository {
  Map<PackHash, Pack> find(TenantId tenant, Collection<PackHash> packs);

  /** The tenant's packs that have a copy holding data, in hash order after {@code after}. */
  List<Pack> stored(TenantId tenant, String after, int limit);

  void add(Pack pack);
}
