package dev.strata.controlcenter.application;

import dev.strata.pool.TenantId;
import dev.strata.pool.identity.Principal;
import dev.strata.pool.identity.PrincipalName;
import java.util.List;
import java.util.Optional;

/** The principals in the catalog. */
public interface PrincipalRepository {
  Optional<Principal> find(PrincipalName name);

  /** Of {@code tenant} (all when empty), in name order, one more than asked when there are more. */
  List<Principal> list(Optional<TenantId> tenant, PageRequest page);

  boolean isEmpty();

  void add(Principal principal);
}
