package dev.strata.node.packs;

import dev.strata.disk.PackInfo;
import dev.strata.disk.PackName;
import dev.strata.disk.PackStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * One pack store seen as per-tenant folders: tenant {@code t}'s pack {@code p} is stored as {@code
 * t/p}. Every read and write goes through a {@link TenantId}, so a call made for one tenant cannot
 * name another tenant's pack.
 */
public final class TenantPacks {
  private final PackStore store;

  public TenantPacks(PackStore store) {
    this.store = store;
  }

  public PackStore store() {
    return store;
  }

  public static PackName name(TenantId tenant, PackId pack) {
    return PackName.of(tenant.value() + "/" + pack.value());
  }

  public Optional<PackInfo> stat(TenantId tenant, PackId pack) throws IOException {
    return store.stat(name(tenant, pack));
  }

  public InputStream open(TenantId tenant, PackId pack) throws IOException {
    return store.get(name(tenant, pack));
  }

  public InputStream open(TenantId tenant, PackId pack, long offset, long length)
      throws IOException {
    return store.get(name(tenant, pack), offset, length);
  }

  public void delete(TenantId tenant, PackId pack) throws IOException {
    store.delete(name(tenant, pack));
  }
}
