package dev.strata.format.repo;

import dev.strata.format.FormatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What a repository is, in the clear: its id, its chunking parameters, the size packs aim for, and
 * the public key that signs its packs and snapshots. Signed by that key. With the passphrase, the
 * agent also checks that the key is the one its master keys hold, so a swapped config is caught.
 *
 * @param chunkMin smallest chunk in bytes (but for a file's last)
 * @param chunkAverage the average chunk size the chunker aims for (a power of two)
 * @param chunkMax largest chunk in bytes
 * @param packSize the size at which a pack is closed
 * @param keepsLedger whether the repository keeps a ledger ({@link LedgerGeneration}) from its
 *     start: true for version 2, which writes the same fields; a version 1 repository may have got
 *     a ledger later, but a keyless check cannot tell a deleted ledger from one never written
 */
public record RepositoryConfig(
    RepositoryId id,
    Instant createdAt,
    int chunkMin,
    int chunkAverage,
    int chunkMax,
    int packSize,
    PublicKey publicKey,
    boolean keepsLedger) {

  /** The version written; version 1 (without a ledger from the start) is still read. */
  public static final int VERSION = 2;

  private static final byte[] MAGIC = "SRCF".getBytes(StandardCharsets.US_ASCII);
  private static final int BODY = 4 + 2 + 16 + 8 + 4 * 4 + PublicKey.LENGTH;

  /** A new repository's config: it keeps a ledger from the start. */
  public RepositoryConfig(
      RepositoryId id,
      Instant createdAt,
      int chunkMin,
      int chunkAverage,
      int chunkMax,
      int packSize,
      PublicKey publicKey) {
    this(id, createdAt, chunkMin, chunkAverage, chunkMax, packSize, publicKey, true);
  }

  public RepositoryConfig {
    if (chunkMin < 64 || chunkMin > chunkAverage || chunkAverage > chunkMax) {
      throw new IllegalArgumentException("chunk sizes must satisfy 64 <= min <= average <= max");
    }
    if (Integer.bitCount(chunkAverage) != 1) {
      throw new IllegalArgumentException("the average chunk size must be a power of two");
    }
    if (chunkMax > 64 << 20 || packSize < chunkMax) {
      throw new IllegalArgumentException("chunks are at most 64 MiB and packs hold a whole chunk");
    }
  }

  /** Encodes and signs the config. */
  public byte[] encode(MasterKeys keys) {
    if (!keys.publicKey().equals(publicKey)) {
      throw new IllegalArgumentException("the config must name the signing key's public half");
    }
    ByteBuffer b = ByteBuffer.allocate(BODY + Signatures.LENGTH);
    b.put(MAGIC).putShort((short) (keepsLedger ? 2 : 1));
    b.put(id.toBytes()).putLong(createdAt.toEpochMilli());
    b.putInt(chunkMin).putInt(chunkAverage).putInt(chunkMax).putInt(packSize);
    b.put(publicKey.toBytes());
    byte[] sha = Bin.sha256(b.array(), 0, BODY);
    b.put(keys.sign(Signatures.message(Signatures.CONFIG, sha)));
    return b.array();
  }

  /** Decodes a config and checks its signature against the key it names. */
  public static RepositoryConfig decode(byte[] bytes) throws FormatException {
    if (bytes.length != BODY + Signatures.LENGTH) {
      throw new FormatException(
          "a repository config has " + (BODY + 64) + " bytes, not " + bytes.length);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    RepositoryConfig c =
        Bin.decoding(
            "repository config",
            () -> {
              Bin.expectMagic(b, MAGIC, "repository config");
              int version = Short.toUnsignedInt(b.getShort());
              if (version != 1 && version != 2) {
                throw new FormatException(
                    "repository config of format version "
                        + version
                        + "; this build reads versions 1 and 2");
              }
              byte[] id = new byte[RepositoryId.LENGTH];
              b.get(id);
              Instant created = Instant.ofEpochMilli(b.getLong());
              int min = b.getInt();
              int avg = b.getInt();
              int max = b.getInt();
              int pack = b.getInt();
              byte[] key = new byte[PublicKey.LENGTH];
              b.get(key);
              return new RepositoryConfig(
                  RepositoryId.of(id),
                  created,
                  min,
                  avg,
                  max,
                  pack,
                  PublicKey.of(key),
                  version == 2);
            });
    byte[] signature = new byte[Signatures.LENGTH];
    b.get(signature);
    byte[] sha = Bin.sha256(bytes, 0, BODY);
    if (!c.publicKey.verifies(Signatures.message(Signatures.CONFIG, sha), signature)) {
      throw new FormatException("the repository config's signature does not verify");
    }
    return c;
  }
}
