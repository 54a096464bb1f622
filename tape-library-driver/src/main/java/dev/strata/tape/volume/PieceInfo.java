package dev.strata.tape.volume;

/**
 * One piece of a pack on a volume: a whole pack, or the part of a spanned pack this volume holds.
 *
 * @param file the tape file number that holds it (1 for the first after the label)
 * @param pack the pack's name in its repository
 * @param packLength the whole pack's length
 * @param sha256 the whole pack's SHA-256 (hex)
 * @param offset where in the pack this piece starts
 * @param length the piece's length
 */
public record PieceInfo(
    int file, String pack, long packLength, String sha256, long offset, long length) {
  /** Whether this piece ends the pack. */
  public boolean last() {
    return offset + length == packLength;
  }
}
