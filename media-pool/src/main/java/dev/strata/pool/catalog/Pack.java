package dev.strata.pool.catalog;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A pack a tenant stored: its hash and size. A pack belongs to one tenant (its bytes carry the
 * tenant's repository id); the same hash under another tenant is another pack, so nothing about one
 * tenant's data can be learned through another's. Its copies are {@link PackCopy} rows.
 */
public class Pack {
  private Long id;
  private String tenantId;
  private String hash;
  private long sizeBytes;
  private Instant createdAt;

  /** For the persistence mapping only. */
  protected Pack() {}

  public static Pack record(TenantId tenant, PackHash hash, long sizeBytes, Instant now) {
    if (sizeBytes <= 0) {
      throw new InvalidValueException("sizeBytes", "a pack has a positive size");
    }
    Pack p = new Pack();
    p.tenantId = Objects.requireNonNull(tenant, "tenant").value();
    p.hash = Objects.requireNonNull(hash, "hash").hex();
    p.sizeBytes = sizeBytes;
    p.createdAt = now;
    return p;
  }

  /** Catalog-assigned row number; empty before the pack is stored. */
  public OptionalLong id() {
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  public TenantId tenantId() {
    return new TenantId(tenantId);
  }

  public PackHash hash() {
    return new PackHash(hash);
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
