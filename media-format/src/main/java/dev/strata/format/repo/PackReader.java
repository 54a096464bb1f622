package dev.strata.format.repo;

import dev.strata.format.FormatException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads packs: their index (with the keys) and their integrity (with only the public key). */
public final class PackReader {
  private PackReader() {}

  /** The outcome of verifying a whole pack. */
  public record Verification(byte[] sha256, Optional<String> problem) {
    public boolean ok() {
      return problem.isEmpty();
    }
  }

  /** Opens and parses a pack's sealed index, checking every entry lies inside the pack. */
  public static List<PackEntry> readIndex(
      PackTrailer trailer, byte[] sealedIndex, BlobCipher cipher) throws FormatException {
    byte[] plain =
        cipher.open(BlobCipher.INDEX, new byte[BlobId.LENGTH], sealedIndex, 0, sealedIndex.length);
    ByteBuffer b = ByteBuffer.wrap(plain);
    return Bin.decoding(
        "pack index",
        () -> {
          int n = b.getInt();
          if (n != trailer.blobCount() || plain.length != 4 + n * PackEntry.ENCODED_LENGTH) {
            throw new FormatException("the pack index does not match its trailer");
          }
          List<PackEntry> entries = new ArrayList<>(n);
          byte[] id = new byte[BlobId.LENGTH];
          for (int i = 0; i < n; i++) {
            BlobType type = BlobType.ofCode(b.get());
            b.get(id);
            PackEntry e =
                new PackEntry(
                    type,
                    BlobId.of(id),
                    b.getInt(),
                    b.getInt(),
                    b.getInt(),
                    Compression.ofCode(b.get()));
            if (e.offset() < PackWriter.HEADER_LENGTH
                || e.length() < BlobCipher.NONCE_LENGTH + BlobCipher.TAG_LENGTH
                || (long) e.offset() + e.length() > trailer.indexOffset()
                || e.rawLength() < 0) {
              throw new FormatException("pack index entry " + i + " points outside the pack");
            }
            entries.add(e);
          }
          return entries;
        });
  }

  /**
   * Reads a whole pack of {@code length} bytes and checks, without any decryption key, that it is
   * complete, that it belongs to {@code repository}, and that {@code trusted} signed exactly these
   * bytes. Returns the SHA-256 of the whole pack, which the caller compares with the pack's name.
   * Reads the stream to its end but does not close it.
   */
  public static Verification verify(
      InputStream in, long length, RepositoryId repository, PublicKey trusted) throws IOException {
    MessageDigest digest = Bin.sha256();
    byte[] inner = null;
    long signatureAt = length - Signatures.LENGTH - PackTrailer.MAGIC.length;
    long trailerAt = length - PackTrailer.LENGTH;
    byte[] header = new byte[PackWriter.HEADER_LENGTH];
    byte[] tail = new byte[PackTrailer.LENGTH];
    byte[] buf = new byte[1 << 20];
    long pos = 0;
    if (length < PackWriter.HEADER_LENGTH + PackTrailer.LENGTH) {
      return new Verification(new byte[32], Optional.of("too short to be a pack"));
    }
    while (pos < length) {
      int want = (int) Math.min(buf.length, length - pos);
      if (inner == null && pos < signatureAt) {
        want = (int) Math.min(want, signatureAt - pos);
      }
      int n = in.read(buf, 0, want);
      if (n < 0) {
        throw new EOFException("the pack ended after " + pos + " of " + length + " bytes");
      }
      digest.update(buf, 0, n);
      copyOverlap(buf, n, pos, 0, header);
      copyOverlap(buf, n, pos, trailerAt, tail);
      pos += n;
      if (inner == null && pos == signatureAt) {
        try {
          inner = ((MessageDigest) digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    if (in.read() >= 0) {
      return new Verification(digest.digest(), Optional.of("the pack is longer than expected"));
    }
    byte[] whole = digest.digest();
    ByteBuffer h = ByteBuffer.wrap(header);
    byte[] magic = new byte[4];
    h.get(magic);
    if (!Arrays.equals(magic, PackWriter.MAGIC)) {
      return new Verification(whole, Optional.of("not a pack (wrong magic)"));
    }
    int version = Short.toUnsignedInt(h.getShort());
    if (version != PackWriter.VERSION) {
      return new Verification(whole, Optional.of("pack format version " + version + " unknown"));
    }
    byte[] repo = new byte[RepositoryId.LENGTH];
    h.get(repo);
    if (!RepositoryId.of(repo).equals(repository)) {
      return new Verification(whole, Optional.of("the pack belongs to another repository"));
    }
    PackTrailer trailer;
    try {
      trailer = PackTrailer.decode(tail, length);
    } catch (FormatException e) {
      return new Verification(whole, Optional.of(e.getMessage()));
    }
    if (!trailer.signer().equals(trusted)) {
      return new Verification(whole, Optional.of("the pack was signed by another key"));
    }
    if (!trusted.verifies(Signatures.message(Signatures.PACK, inner), trailer.signature())) {
      return new Verification(
          whole, Optional.of("the pack's signature does not verify: its content was altered"));
    }
    return new Verification(whole, Optional.empty());
  }

  /** Copies the part of {@code buf[0, n)} (at stream position {@code pos}) that falls in dst. */
  private static void copyOverlap(byte[] buf, int n, long pos, long dstAt, byte[] dst) {
    long from = Math.max(pos, dstAt);
    long to = Math.min(pos + n, dstAt + dst.length);
    if (from < to) {
      System.arraycopy(buf, (int) (from - pos), dst, (int) (from - dstAt), (int) (to - from));
    }
  }
}
