package dev.strata.format.repo;

/**
 * Where a blob lies in its pack, as the pack's index records it.
 *
 * @param offset the sealed blob's first byte in the pack
 * @param length the sealed blob's length
 * @param rawLength the blob's length before compression and encryption
 */
public record PackEntry(
    BlobType type, BlobId id, int offset, int length, int rawLength, Compression compression) {
  static final int ENCODED_LENGTH = 1 + BlobId.LENGTH + 4 + 4 + 4 + 1;
}
