package dev.strata.tape;

/**
 * What one read returned: a block of {@code length} bytes, or a filemark (length 0). A filemark is
 * an expected outcome (the end of a tape file), not an error.
 */
public record ReadResult(boolean filemark, int length) {
  public static final ReadResult FILEMARK = new ReadResult(true, 0);

  public static ReadResult block(int length) {
    return new ReadResult(false, length);
  }
}
