package dev.strata.agent.repo;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import dev.strata.format.repo.BlobCipher;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.BlobType;
import dev.strata.format.repo.Compression;
import dev.strata.format.repo.MasterKeys;

/**
 * Turns plaintext into a sealed blob: names it (keyed hash), compresses it with zstd unless a
 * sample shows it does not compress, and encrypts it. Not thread-safe: one per worker thread.
 */
final class BlobSealer {
  /**
   * A blob ready for a pack; {@code sealed} is null when the blob was already stored or claimed.
   */
  record Sealed(BlobId id, byte[] sealed, int rawLength, Compression compression) {}

  private static final int LEVEL = 1;
  private static final int SAMPLE = 64 * 1024;

  private final MasterKeys.IdHasher hasher;
  private final BlobCipher cipher;
  private final ZstdCompressCtx zstd = new ZstdCompressCtx().setLevel(LEVEL);
  private byte[] scratch = new byte[0];

  BlobSealer(Repository repo) {
    this.hasher = repo.requireKeys().idHasher();
    this.cipher = repo.newCipher();
  }

  BlobId id(byte[] data, int off, int len) {
    return hasher.id(data, off, len);
  }

  Sealed seal(BlobType type, BlobId id, byte[] data, int off, int len) {
    int bound = (int) Zstd.compressBound(len);
    if (scratch.length < bound) {
      scratch = new byte[bound];
    }
    int n = len;
    Compression c = Compression.NONE;
    if (compresses(data, off, len)) {
      int r = compress(data, off, len);
      if (r >= 0 && r < len - len / 32) {
        n = r;
        c = Compression.ZSTD;
      }
    }
    byte[] sealed =
        c == Compression.ZSTD
            ? cipher.seal(type, id, scratch, 0, n)
            : cipher.seal(type, id, data, off, len);
    return new Sealed(id, sealed, len, c);
  }

  /** Whether a sample of the data shrinks by at least 3 %: random and compressed data does not. */
  private boolean compresses(byte[] data, int off, int len) {
    if (len <= SAMPLE) {
      return true;
    }
    int bound = (int) Zstd.compressBound(SAMPLE);
    if (scratch.length < bound) {
      scratch = new byte[bound];
    }
    int r = compress(data, off, SAMPLE);
    return r >= 0 && r < SAMPLE - SAMPLE / 32;
  }

  /** Compressed length in {@code scratch}, or -1 if zstd failed. The context is reused. */
  private int compress(byte[] data, int off, int len) {
    try {
      return zstd.compressByteArray(scratch, 0, scratch.length, data, off, len);
    } catch (com.github.luben.zstd.ZstdException e) {
      return -1;
    }
  }
}
