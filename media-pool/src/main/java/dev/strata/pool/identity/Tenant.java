package dev.strata.pool.identity;

import dev.strata.pool.TenantId;
import dev.strata.pool.Text;
import java.time.Instant;
import java.util.Objects;

/** An organisation served by the control center; everything it owns is kept apart by its id. */
public class Tenant {
  public static final int MAX_NAME = 120;

  private String id;
  private String name;
  private Instant createdAt;
  private long version;

  /** For the persistence mapping only. */
  protected Tenant() {}

  /** A new tenant; {@code name} defaults to the id. */
  public static Tenant establish(TenantId id, String name, Instant now) {
    Tenant t = new Tenant();
    t.id = Objects.requireNonNull(id, "id").value();
    t.name = Text.optional("name", name, MAX_NAME);
    if (t.name == null) {
      t.name = t.id;
    }
    t.createdAt = now;
    return t;
  }

  public TenantId id() {
    return new TenantId(id);
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public long version() {
    return version;
  }
}
