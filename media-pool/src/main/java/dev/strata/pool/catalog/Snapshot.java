package dev.strata.pool.catalog;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One committed backup of a backup set: its id (the manifest's SHA-256), its sequence number in the
 * repository, when it was taken, how many bytes it covers, the key that signed it, where its
 * manifest object lies, and the packs it needs. Immutable once recorded. The pack set includes
 * every object a restore needs — the data packs and the pack or object holding the manifest — so
 * its {@linkplain Protection protection} speaks for the whole snapshot.
 */
public class Snapshot {
  private String id;
  private String tenantId;
  private String backupSetId;
  private long sequence;
  private Instant takenAt;
  private long sizeBytes;
  private String signingKey;
  private String manifestKey;
  private Set<String> packHashes = new TreeSet<>();
  private Instant recordedAt;

  /** For the persistence mapping only. */
  protected Snapshot() {}

  public static Snapshot record(
      SnapshotId id,
      BackupSet set,
      long sequence,
      Instant takenAt,
      long sizeBytes,
      SigningKey signingKey,
      ObjectKey manifest,
      Collection<PackHash> packs,
      Instant now) {
    if (sequence < 1) {
      throw new InvalidValueException("sequence", "a snapshot's sequence number is 1 or more");
    }
    if (sizeBytes < 0) {
      throw new InvalidValueException("sizeBytes", "a snapshot's size is not negative");
    }
    if (packs == null || packs.isEmpty()) {
      throw new InvalidValueException("packs", "a snapshot needs at least its manifest's pack");
    }
    Snapshot s = new Snapshot();
    s.id = Objects.requireNonNull(id, "id").hex();
    s.tenantId = set.tenantId().value();
    s.backupSetId = set.id().value();
    s.sequence = sequence;
    s.takenAt = Objects.requireNonNull(takenAt, "takenAt");
    s.sizeBytes = sizeBytes;
    s.signingKey = Objects.requireNonNull(signingKey, "signingKey").hex();
    s.manifestKey = Objects.requireNonNull(manifest, "manifest").value();
    for (PackHash p : packs) {
      s.packHashes.add(p.hex());
    }
    s.recordedAt = now;
    return s;
  }

  public SnapshotId id() {
    return new SnapshotId(id);
  }

  public TenantId tenantId() {
    return new TenantId(tenantId);
  }

  public BackupSetId backupSetId() {
    return new BackupSetId(backupSetId);
  }

  public long sequence() {
    return sequence;
  }

  public Instant takenAt() {
    return takenAt;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public SigningKey signingKey() {
    return new SigningKey(signingKey);
  }

  /** Where the manifest object lies in a repository ({@code snapshots/<id>}). */
  public ObjectKey manifest() {
    return new ObjectKey(manifestKey);
  }

  /** The packs a restore of this snapshot reads, in hash order. */
  public Set<PackHash> packs() {
    TreeSet<PackHash> out = new TreeSet<>();
    for (String h : packHashes) {
      out.add(new PackHash(h));
    }
    return Collections.unmodifiableSet(out);
  }

  public Instant recordedAt() {
    return recordedAt;
  }
}
