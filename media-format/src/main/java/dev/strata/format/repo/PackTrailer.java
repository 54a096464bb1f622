package dev.strata.format.repo;

import dev.strata.format.FormatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The fixed-size end of a pack: where its index is, how many blobs it holds, which key signed it,
 * and the signature. Readers fetch these {@link #LENGTH} bytes first.
 */
public record PackTrailer(
    long indexOffset, int indexLength, int blobCount, PublicKey signer, byte[] signature) {
  public static final int LENGTH = 8 + 4 + 4 + PublicKey.LENGTH + Signatures.LENGTH + 4;
  static final int SIGNED_PART = 8 + 4 + 4 + PublicKey.LENGTH;
  static final byte[] MAGIC = "SRPE".getBytes(StandardCharsets.US_ASCII);

  /** Parses the last {@link #LENGTH} bytes of a pack of {@code packLength} bytes. */
  public static PackTrailer decode(byte[] last, long packLength) throws FormatException {
    if (last.length != LENGTH || packLength < PackWriter.HEADER_LENGTH + LENGTH) {
      throw new FormatException("too short to be a pack");
    }
    ByteBuffer b = ByteBuffer.wrap(last);
    long indexOffset = b.getLong();
    int indexLength = b.getInt();
    int count = b.getInt();
    byte[] key = new byte[PublicKey.LENGTH];
    b.get(key);
    byte[] signature = new byte[Signatures.LENGTH];
    b.get(signature);
    byte[] magic = new byte[4];
    b.get(magic);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new FormatException("the pack has no trailer (truncated or not a pack)");
    }
    if (indexOffset < PackWriter.HEADER_LENGTH
        || indexLength < 0
        || count < 0
        || indexOffset + indexLength != packLength - LENGTH) {
      throw new FormatException("the pack trailer's index location is inconsistent");
    }
    return new PackTrailer(indexOffset, indexLength, count, PublicKey.of(key), signature);
  }
}
