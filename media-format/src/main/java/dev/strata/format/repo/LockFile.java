package dev.strata.format.repo;

import dev.strata.format.FormatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A repository lock object ({@code locks/<random>}): who holds the lock (host, process id and the
 * process's start time) and since when, refreshed while held so that others can tell a live lock
 * from one a crashed process left. Signed, so that nobody without the keys can block a repository
 * with a lock that never goes stale.
 *
 * @param processStart the holder's start, in milliseconds since the epoch (0 when unknown), which
 *     tells it from a later process that reuses its pid
 */
public record LockFile(
    RepositoryId repository,
    Kind kind,
    String host,
    long pid,
    long processStart,
    Instant created,
    Instant refreshed) {

  public static final int VERSION = 1;
  private static final byte[] MAGIC = "SRLK".getBytes(StandardCharsets.US_ASCII);

  /** What the lock excludes. */
  public enum Kind {
    /** Nobody else may hold any lock. */
    EXCLUSIVE(1);

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
      throw new FormatException("a lock of unknown kind " + code);
    }
  }

  /** The lock's bytes, signed. */
  public byte[] encode(MasterKeys keys) {
    int n = 4 + 2 + RepositoryId.LENGTH + 1 + Bin.stringLength(host) + 8 + 8 + 8 + 8;
    ByteBuffer b = ByteBuffer.allocate(n + Signatures.LENGTH);
    b.put(MAGIC).putShort((short) VERSION).put(repository.toBytes()).put((byte) kind.code);
    Bin.putString(b, host);
    b.putLong(pid).putLong(processStart);
    b.putLong(created.toEpochMilli()).putLong(refreshed.toEpochMilli());
    b.put(keys.sign(Signatures.message(Signatures.LOCK, Bin.sha256(b.array(), 0, n))));
    return b.array();
  }

  /** Verifies a lock's signature with the repository's public key and decodes it. */
  public static LockFile decode(byte[] bytes, PublicKey trusted) throws FormatException {
    if (bytes.length < 4 + 2 + Signatures.LENGTH) {
      throw new FormatException("too short to be a lock");
    }
    int n = bytes.length - Signatures.LENGTH;
    ByteBuffer b = ByteBuffer.wrap(bytes, 0, n);
    LockFile lock =
        Bin.decoding(
            "lock",
            () -> {
              Bin.expectMagic(b, MAGIC, "lock");
              Bin.expectVersion(b, VERSION, "lock");
              byte[] repo = new byte[RepositoryId.LENGTH];
              b.get(repo);
              Kind kind = Kind.of(Byte.toUnsignedInt(b.get()));
              String host = Bin.getString(b);
              LockFile l =
                  new LockFile(
                      RepositoryId.of(repo),
                      kind,
                      host,
                      b.getLong(),
                      b.getLong(),
                      Instant.ofEpochMilli(b.getLong()),
                      Instant.ofEpochMilli(b.getLong()));
              if (b.hasRemaining()) {
                throw new FormatException("a lock with trailing bytes");
              }
              return l;
            });
    byte[] signature = Arrays.copyOfRange(bytes, n, bytes.length);
    if (!trusted.verifies(
        Signatures.message(Signatures.LOCK, Bin.sha256(bytes, 0, n)), signature)) {
      throw new FormatException("the lock's signature does not verify");
    }
    return lock;
  }

  /** The same lock, refreshed at {@code now}. */
  public LockFile refreshedAt(Instant now) {
    return new LockFile(repository, kind, host, pid, processStart, created, now);
  }
}
