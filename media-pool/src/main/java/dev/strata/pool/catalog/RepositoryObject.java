package dev.strata.pool.catalog;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.TenantId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One small object of a tenant's repository that the control center keeps for the tenant's agents:
 * the repository's {@code config}, its passphrase-wrapped {@code keys/}, its signed {@code
 * snapshots/}, {@code ledger/} generations and {@code locks/}. The center stores them as opaque
 * bytes (they are encrypted or signed by the agent; the center never holds a key that opens them),
 * so that a new machine with only the center's URL, an API key and the passphrase restores
 * everything. Packs ({@code data/}) are not kept here: they live on storage nodes.
 *
 * <p>Objects are written once; only locks and snapshots (a repair re-numbers them) may be deleted.
 */
public class RepositoryObject {
  /** The largest object kept (a ledger generation of a very large repository fits). */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  private static final Pattern NAME =
      Pattern.compile("(?!data/)[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

  private Long id;
  private String tenantId;
  private String name;
  private byte[] content;
  private String sha256;
  private long length;
  private Instant createdAt;

  /** For the persistence mapping only. */
  protected RepositoryObject() {}

  /** An object of {@code tenant} named {@code name} holding {@code content} (hashed outside). */
  public static RepositoryObject store(
      TenantId tenant, String name, byte[] content, String sha256Hex, Instant now) {
    RepositoryObject o = new RepositoryObject();
    o.tenantId = Objects.requireNonNull(tenant, "tenant").value();
    o.name = requireName(name);
    if (content.length > MAX_BYTES) {
      throw new InvalidValueException(
          "content", "a repository object is at most " + MAX_BYTES + " bytes");
    }
    o.content = content.clone();
    o.sha256 = sha256Hex;
    o.length = content.length;
    o.createdAt = now;
    return o;
  }

  /** Refuses a name that is not a repository object's (packs, {@code data/...}, live on nodes). */
  public static String requireName(String name) {
    if (name == null || name.length() > 255 || !NAME.matcher(name).matches()) {
      throw new InvalidValueException(
          "name",
          "a repository object is named by segments of letters, digits and . _ - (not data/...),"
              + " at most 255 characters");
    }
    return name;
  }

  /** Whether the object may be deleted: locks, and snapshots a repair re-numbers. */
  public boolean deletable() {
    return name.startsWith("locks/") || name.startsWith("snapshots/");
  }

  /** Whether {@code other} bytes are this object's (a repeated write of the same object). */
  public boolean sameAs(byte[] other) {
    return Arrays.equals(content, other);
  }

  public TenantId tenant() {
    return new TenantId(tenantId);
  }

  public String name() {
    return name;
  }

  public byte[] content() {
    return content.clone();
  }

  public String sha256() {
    return sha256;
  }

  public long length() {
    return length;
  }

  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public String toString() {
    return "RepositoryObject[" + tenantId + "/" + name + ", " + length + " bytes]";
  }
}
