package dev.strata.tape.st;

/**
 * The st driver's MTIOCTOP operations this driver uses, with their codes from {@code <sys/mtio.h>}.
 */
public enum MtOp {
  /** Forward over filemarks; ends just after the last. */
  MTFSF(1),
  /** Backward over filemarks; ends just before the last (on the beginning-of-tape side). */
  MTBSF(2),
  /** Forward over blocks. */
  MTFSR(3),
  /** Backward over blocks. */
  MTBSR(4),
  /** Writes filemarks. */
  MTWEOF(5),
  MTREW(6),
  /** Rewinds and unloads. */
  MTOFFL(7),
  /** To the end of recorded data. */
  MTEOM(12),
  /** Erases from the current position to the end of the medium. */
  MTERASE(13),
  /** LOCATE to a logical object number. */
  MTSEEK(22),
  /** Loads (threads) the cartridge in the drive. */
  MTLOAD(30);

  private final int code;

  MtOp(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
