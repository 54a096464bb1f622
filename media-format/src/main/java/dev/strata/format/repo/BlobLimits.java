package dev.strata.format.repo;

import java.util.Optional;

/**
 * The largest blobs a repository holds: a data blob is at most the config's largest chunk, a tree
 * blob at most {@link TreeCodec#MAX_BLOB}; sealed, each is at most {@link BlobCipher#sealedLength}
 * of that (compression is only kept when it shrinks the blob). A pack index that declares more is
 * not to be believed: readers check a blob's declared lengths here before they allocate anything
 * for it.
 *
 * @param maxData the largest data blob, in bytes before compression
 */
public record BlobLimits(int maxData) {
  public static BlobLimits of(RepositoryConfig config) {
    return new BlobLimits(config.chunkMax());
  }

  /** The largest plaintext a blob of this type may have. */
  public int maxRaw(BlobType type) {
    return type == BlobType.DATA ? maxData : TreeCodec.MAX_BLOB;
  }

  /** Why the lengths {@code e} declares break the format's limits, if they do. */
  public Optional<String> check(PackEntry e) {
    int max = maxRaw(e.type());
    String what = e.type().name().toLowerCase(java.util.Locale.ROOT) + " blob ";
    if (e.rawLength() < 0 || e.rawLength() > max) {
      return Optional.of(
          what
              + e.id().shortForm()
              + " declares "
              + Integer.toUnsignedString(e.rawLength())
              + " bytes, beyond the format's limit of "
              + max);
    }
    if (e.length() < 0 || e.length() > BlobCipher.sealedLength(max)) {
      return Optional.of(
          what
              + e.id().shortForm()
              + " declares "
              + Integer.toUnsignedString(e.length())
              + " sealed bytes, beyond the format's limit of "
              + BlobCipher.sealedLength(max));
    }
    return Optional.empty();
  }
}
