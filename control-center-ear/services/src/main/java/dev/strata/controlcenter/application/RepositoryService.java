package dev.strata.controlcenter.application;

import dev.strata.pool.DuplicateIdentityException;
import dev.strata.pool.TenantId;
import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.catalog.RepositoryObject;
import dev.strata.pool.identity.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The small objects of each tenant's repository that the control center keeps (config, wrapped
 * keys, signed snapshots, ledger, locks): opaque bytes to the center, so that a new machine with
 * the center's URL, an API key and the passphrase finds the whole repository. Each public method is
 * one transaction.
 */
@Stateless
@Interceptors(DomainRules.class)
public class RepositoryService {

  @Inject RepositoryObjectRepository objects;
  @Inject TenantRepository tenants;
  @Inject Clock clock;

  public List<RepositoryObject> list(
      Caller caller, TenantId tenant, String prefix, String after, int limit) {
    caller.require(Permission.CATALOG_READ);
    visible(caller, tenant);
    return objects.list(tenant, prefix == null ? "" : prefix, after, limit);
  }

  public RepositoryObject get(Caller caller, TenantId tenant, String name) {
    caller.require(Permission.CATALOG_READ);
    visible(caller, tenant);
    return objects
        .find(tenant, RepositoryObject.requireName(name))
        .orElseThrow(() -> new UnknownIdentityException("repository object", name));
  }

  /**
   * Stores an object; writing the same bytes again is a no-op (a retry), other bytes under a taken
   * name are refused (objects are written once). Returns whether it was new.
   */
  public boolean put(Caller caller, TenantId tenant, String name, byte[] content) {
    caller.require(Permission.BACKUPS_MANAGE);
    visible(caller, tenant);
    Optional<RepositoryObject> existing = objects.find(tenant, RepositoryObject.requireName(name));
    if (existing.isPresent()) {
      if (existing.get().sameAs(content)) {
        return false;
      }
      throw new DuplicateIdentityException("repository object", name);
    }
    objects.add(RepositoryObject.store(tenant, name, content, sha256(content), clock.instant()));
    return true;
  }

  public void delete(Caller caller, TenantId tenant, String name) {
    caller.require(Permission.BACKUPS_MANAGE);
    visible(caller, tenant);
    RepositoryObject o =
        objects
            .find(tenant, RepositoryObject.requireName(name))
            .orElseThrow(() -> new UnknownIdentityException("repository object", name));
    if (!o.deletable()) {
      throw new DuplicateIdentityException("repository object (written once)", name);
    }
    objects.delete(o);
  }

  private void visible(Caller caller, TenantId tenant) {
    caller.mustSee(Optional.of(tenant), "tenant", tenant);
    tenants.find(tenant).orElseThrow(() -> new UnknownIdentityException("tenant", tenant));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
