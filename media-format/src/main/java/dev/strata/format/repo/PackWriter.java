package dev.strata.format.repo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes one pack: a header, sealed blobs one after another, the sealed index of the blobs, and a
 * trailer signed with the repository's Ed25519 key over the SHA-256 of everything before the
 * signature. Computes, in the same pass, the SHA-256 of the whole pack (its name in the store).
 *
 * <p>Not thread-safe. The caller owns {@code out} and closes it after {@link #finish()}.
 */
public final class PackWriter {
  static final byte[] MAGIC = "SRPK".getBytes(StandardCharsets.US_ASCII);
  public static final int VERSION = 1;
  static final int HEADER_LENGTH = 4 + 2 + RepositoryId.LENGTH;

  /** Packs are indexed with 32-bit offsets. */
  public static final long MAX_LENGTH = Integer.MAX_VALUE;

  /** A finished pack. */
  public record Finished(byte[] sha256, long length, List<PackEntry> entries) {}

  private final OutputStream out;
  private final MasterKeys keys;
  private final BlobCipher cipher;
  private final MessageDigest digest = Bin.sha256();
  private final List<PackEntry> entries = new ArrayList<>();
  private long length;

  public PackWriter(OutputStream out, MasterKeys keys, BlobCipher cipher) throws IOException {
    this.out = out;
    this.keys = keys;
    this.cipher = cipher;
    write(
        ByteBuffer.allocate(HEADER_LENGTH)
            .put(MAGIC)
            .putShort((short) VERSION)
            .put(keys.repository().toBytes())
            .array());
  }

  private void write(byte[] b) throws IOException {
    out.write(b);
    digest.update(b);
    length += b.length;
  }

  /** Appends a sealed blob. */
  public void add(BlobType type, BlobId id, byte[] sealed, int rawLength, Compression compression)
      throws IOException {
    if (length + sealed.length > MAX_LENGTH) {
      throw new IllegalStateException("pack full");
    }
    entries.add(new PackEntry(type, id, (int) length, sealed.length, rawLength, compression));
    write(sealed);
  }

  /** Bytes written so far. */
  public long length() {
    return length;
  }

  public int blobCount() {
    return entries.size();
  }

  /** Writes the index and the signed trailer. */
  public Finished finish() throws IOException {
    ByteBuffer index = ByteBuffer.allocate(4 + entries.size() * PackEntry.ENCODED_LENGTH);
    index.putInt(entries.size());
    for (PackEntry e : entries) {
      index.put((byte) e.type().code());
      e.id().writeTo(index);
      index.putInt(e.offset()).putInt(e.length()).putInt(e.rawLength());
      index.put((byte) e.compression().code());
    }
    long indexOffset = length;
    byte[] sealedIndex =
        cipher.seal(BlobCipher.INDEX, new byte[BlobId.LENGTH], index.array(), 0, index.limit());
    write(sealedIndex);
    write(
        ByteBuffer.allocate(PackTrailer.SIGNED_PART)
            .putLong(indexOffset)
            .putInt(sealedIndex.length)
            .putInt(entries.size())
            .put(keys.publicKey().toBytes())
            .array());
    byte[] inner;
    try {
      inner = ((MessageDigest) digest.clone()).digest();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 state cannot be copied", e);
    }
    write(keys.sign(Signatures.message(Signatures.PACK, inner)));
    write(PackTrailer.MAGIC);
    byte[] whole = new byte[32];
    try {
      digest.digest(whole, 0, 32);
    } catch (DigestException e) {
      throw new IllegalStateException(e);
    }
    return new Finished(whole, length, Collections.unmodifiableList(entries));
  }
}
