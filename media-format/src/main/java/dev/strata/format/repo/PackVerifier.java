package dev.strata.format.repo;

import dev.strata.format.FormatException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Verifies a pack while its bytes pass by, without any decryption key and without holding the pack:
 * the caller feeds every byte in order ({@link #update}) — as it streams them to disk, say — and
 * asks at the end ({@link #finish}) whether they form a well-formed pack that its own signer
 * signed. Unlike {@link PackReader#verify}, it does not need to know the repository or the key
 * beforehand: it reports which repository and which key, and the caller decides whether to trust
 * that key (a storage node checks it against the keys its grant allows).
 *
 * <p>Not thread-safe; one instance per pack.
 */
public final class PackVerifier {
  /** What the bytes turned out to be. */
  public record Result(
      byte[] sha256,
      Optional<RepositoryId> repository,
      Optional<PublicKey> signer,
      Optional<String> problem) {
    public boolean ok() {
      return problem.isEmpty();
    }

    static Result bad(byte[] sha256, String problem) {
      return new Result(sha256, Optional.empty(), Optional.empty(), Optional.of(problem));
    }
  }

  private final long length;
  private final long signatureAt;
  private final long trailerAt;
  private final MessageDigest digest = Bin.sha256();
  private final byte[] header = new byte[PackWriter.HEADER_LENGTH];
  private final byte[] tail = new byte[PackTrailer.LENGTH];
  private byte[] inner;
  private long pos;

  /** A verifier for a pack announced as {@code length} bytes long. */
  public PackVerifier(long length) {
    if (length < 0) {
      throw new IllegalArgumentException("length < 0");
    }
    this.length = length;
    this.signatureAt = length - Signatures.LENGTH - PackTrailer.MAGIC.length;
    this.trailerAt = length - PackTrailer.LENGTH;
  }

  /** Bytes fed so far. */
  public long position() {
    return pos;
  }

  /** Feeds the next {@code n} bytes of the pack. Bytes past the announced length are counted. */
  public void update(byte[] buf, int off, int n) {
    int done = 0;
    while (done < n) {
      int step = n - done;
      if (inner == null && pos < signatureAt) {
        step = (int) Math.min(step, signatureAt - pos);
      }
      digest.update(buf, off + done, step);
      copyOverlap(buf, off + done, step, pos, 0, header);
      copyOverlap(buf, off + done, step, pos, trailerAt, tail);
      pos += step;
      done += step;
      if (inner == null && pos == signatureAt) {
        try {
          inner = ((MessageDigest) digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /** Checks what was fed; call once, after the last byte. */
  public Result finish() {
    byte[] whole = digest.digest();
    if (length < PackWriter.HEADER_LENGTH + PackTrailer.LENGTH) {
      return Result.bad(whole, "too short to be a pack");
    }
    if (pos < length) {
      return Result.bad(whole, "the pack ended after " + pos + " of " + length + " bytes");
    }
    if (pos > length) {
      return Result.bad(whole, "the pack is longer than " + length + " bytes");
    }
    ByteBuffer h = ByteBuffer.wrap(header);
    byte[] magic = new byte[4];
    h.get(magic);
    if (!Arrays.equals(magic, PackWriter.MAGIC)) {
      return Result.bad(whole, "not a pack (wrong magic)");
    }
    int version = Short.toUnsignedInt(h.getShort());
    if (version != PackWriter.VERSION) {
      return Result.bad(whole, "pack format version " + version + " unknown");
    }
    byte[] repo = new byte[RepositoryId.LENGTH];
    h.get(repo);
    PackTrailer trailer;
    try {
      trailer = PackTrailer.decode(tail, length);
    } catch (FormatException e) {
      return Result.bad(whole, e.getMessage());
    }
    if (!trailer
        .signer()
        .verifies(Signatures.message(Signatures.PACK, inner), trailer.signature())) {
      return Result.bad(whole, "the pack's signature does not verify: its content was altered");
    }
    return new Result(
        whole, Optional.of(RepositoryId.of(repo)), Optional.of(trailer.signer()), Optional.empty());
  }

  private static void copyOverlap(byte[] buf, int off, int n, long pos, long dstAt, byte[] dst) {
    long from = Math.max(pos, dstAt);
    long to = Math.min(pos + n, dstAt + dst.length);
    if (from < to) {
      System.arraycopy(buf, (int) (off + from - pos), dst, (int) (from - dstAt), (int) (to - from));
    }
  }
}
