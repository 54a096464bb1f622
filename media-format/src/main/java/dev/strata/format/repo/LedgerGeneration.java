package dev.strata.format.repo;

import dev.strata.format.FormatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One generation of a repository's ledger: a signed record of the snapshots and packs committed
 * since the generation before, chained to it by its SHA-256. Anyone with the public key can verify
 * the chain and, against it, that no recorded snapshot or pack was deleted or replaced and that
 * sequence numbers only grow — without any decryption key. A {@link Kind#CHECKPOINT} records the
 * whole state instead of changes, so a chain can be verified from it on (and repaired with one).
 *
 * @param generation 1 for the first, one more than the previous for each next
 * @param previous the SHA-256 of the previous generation's bytes; 32 zero bytes for generation 1
 */
public record LedgerGeneration(
    RepositoryId repository,
    long generation,
    byte[] previous,
    Instant time,
    Kind kind,
    List<Change> changes) {

  public static final int VERSION = 1;
  private static final byte[] MAGIC = "SRLG".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = 4 + 2 + RepositoryId.LENGTH + 8 + 32 + 8 + 1 + 4;

  /** What a generation holds: changes since the previous one, or the whole state. */
  public enum Kind {
    CHANGES(1),
    CHECKPOINT(2);

    final int code;

    Kind(int code) {
      this.code = code;
    }

    static Kind of(int code) throws FormatException {
      for (Kind k : values()) {
        if (k.code == code) {
          return k;
        }
      }
      throw new FormatException("a ledger generation of unknown kind " + code);
    }
  }

  /** One change the generation records. */
  public sealed interface Change {}

  /** A snapshot was committed with this sequence number. */
  public record SnapshotAdded(long sequence, SnapshotId id) implements Change {
    public SnapshotAdded {
      if (sequence < 1) {
        throw new IllegalArgumentException("snapshot sequence numbers start at 1");
      }
    }
  }

  /** A snapshot was removed on purpose (replaced by a re-sequenced copy, or forgotten). */
  public record SnapshotRemoved(SnapshotId id) implements Change {}

  /** A pack the repository's snapshots may need, with its length. */
  public record PackAdded(PackHash pack, long length) implements Change {
    public PackAdded {
      if (length < 0) {
        throw new IllegalArgumentException("a pack length is not negative");
      }
    }
  }

  /** A pack removed on purpose (no snapshot needs it any more). */
  public record PackRemoved(PackHash pack) implements Change {}

  private static final int SNAPSHOT_ADDED = 1;
  private static final int SNAPSHOT_REMOVED = 2;
  private static final int PACK_ADDED = 3;
  private static final int PACK_REMOVED = 4;

  public LedgerGeneration {
    if (generation < 1) {
      throw new IllegalArgumentException("ledger generations start at 1");
    }
    if (previous.length != 32) {
      throw new IllegalArgumentException("the previous generation's hash has 32 bytes");
    }
    previous = previous.clone();
    changes = List.copyOf(changes);
    if (kind == Kind.CHECKPOINT
        && changes.stream()
            .anyMatch(c -> c instanceof SnapshotRemoved || c instanceof PackRemoved)) {
      throw new IllegalArgumentException("a checkpoint records what is there, not removals");
    }
  }

  @Override
  public byte[] previous() {
    return previous.clone();
  }

  /** The generation's bytes, signed. */
  public byte[] encode(MasterKeys keys) {
    int n = HEADER;
    for (Change c : changes) {
      n += length(c);
    }
    ByteBuffer b = ByteBuffer.allocate(n + Signatures.LENGTH);
    b.put(MAGIC).putShort((short) VERSION).put(repository.toBytes());
    b.putLong(generation).put(previous).putLong(time.toEpochMilli());
    b.put((byte) kind.code).putInt(changes.size());
    for (Change c : changes) {
      if (c instanceof SnapshotAdded a) {
        b.put((byte) SNAPSHOT_ADDED).putLong(a.sequence()).put(a.id().toBytes());
      } else if (c instanceof SnapshotRemoved r) {
        b.put((byte) SNAPSHOT_REMOVED).put(r.id().toBytes());
      } else if (c instanceof PackAdded a) {
        b.put((byte) PACK_ADDED).put(a.pack().bytes).putLong(a.length());
      } else if (c instanceof PackRemoved r) {
        b.put((byte) PACK_REMOVED).put(r.pack().bytes);
      }
    }
    byte[] sha = Bin.sha256(b.array(), 0, n);
    b.put(keys.sign(Signatures.message(Signatures.LEDGER, sha)));
    return b.array();
  }

  private static int length(Change c) {
    return c instanceof SnapshotAdded || c instanceof PackAdded ? 1 + 32 + 8 : 1 + 32;
  }

  /** Verifies a generation's signature with the repository's public key and decodes it. */
  public static LedgerGeneration decode(byte[] bytes, PublicKey trusted) throws FormatException {
    if (bytes.length < HEADER + Signatures.LENGTH) {
      throw new FormatException("too short to be a ledger generation");
    }
    int n = bytes.length - Signatures.LENGTH;
    byte[] signature = Arrays.copyOfRange(bytes, n, bytes.length);
    ByteBuffer b = ByteBuffer.wrap(bytes, 0, n);
    LedgerGeneration g =
        Bin.decoding(
            "ledger generation",
            () -> {
              Bin.expectMagic(b, MAGIC, "ledger generation");
              Bin.expectVersion(b, VERSION, "ledger generation");
              byte[] repo = new byte[RepositoryId.LENGTH];
              b.get(repo);
              long generation = b.getLong();
              byte[] previous = new byte[32];
              b.get(previous);
              Instant time = Instant.ofEpochMilli(b.getLong());
              Kind kind = Kind.of(Byte.toUnsignedInt(b.get()));
              int count = b.getInt();
              if (count < 0 || count > b.remaining() / (1 + 32)) {
                throw new FormatException("a ledger generation claims " + count + " changes");
              }
              List<Change> changes = new ArrayList<>(count);
              byte[] id = new byte[32];
              for (int i = 0; i < count; i++) {
                int type = Byte.toUnsignedInt(b.get());
                switch (type) {
                  case SNAPSHOT_ADDED -> {
                    long sequence = b.getLong();
                    b.get(id);
                    changes.add(new SnapshotAdded(sequence, SnapshotId.of(id)));
                  }
                  case SNAPSHOT_REMOVED -> {
                    b.get(id);
                    changes.add(new SnapshotRemoved(SnapshotId.of(id)));
                  }
                  case PACK_ADDED -> {
                    b.get(id);
                    changes.add(new PackAdded(PackHash.of(id), b.getLong()));
                  }
                  case PACK_REMOVED -> {
                    b.get(id);
                    changes.add(new PackRemoved(PackHash.of(id)));
                  }
                  default -> throw new FormatException("a ledger change of unknown type " + type);
                }
              }
              if (b.hasRemaining()) {
                throw new FormatException("a ledger generation with trailing bytes");
              }
              return new LedgerGeneration(
                  RepositoryId.of(repo), generation, previous, time, kind, changes);
            });
    byte[] sha = Bin.sha256(bytes, 0, n);
    if (!trusted.verifies(Signatures.message(Signatures.LEDGER, sha), signature)) {
      throw new FormatException("the ledger generation's signature does not verify");
    }
    return g;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LedgerGeneration g
        && repository.equals(g.repository)
        && generation == g.generation
        && Arrays.equals(previous, g.previous)
        && time.equals(g.time)
        && kind == g.kind
        && changes.equals(g.changes);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(generation) * 31 + Arrays.hashCode(previous);
  }

  @Override
  public String toString() {
    return "ledger generation " + generation + " (" + kind + ", " + changes.size() + " changes)";
  }
}
