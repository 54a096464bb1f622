package dev.strata.vtl.scsi;

/**
 * Fixed-format sense data (SPC-4 4.5.3): a sense key, an additional sense code and qualifier, the
 * stream flags tape drives set (FILEMARK, EOM, ILI) and an optional INFORMATION field (a residue).
 */
public record Sense(
    int key, int asc, int ascq, boolean filemark, boolean eom, boolean ili, Integer information) {
  public static final int NO_SENSE = 0x0;
  public static final int NOT_READY = 0x2;
  public static final int MEDIUM_ERROR = 0x3;
  public static final int HARDWARE_ERROR = 0x4;
  public static final int ILLEGAL_REQUEST = 0x5;
  public static final int UNIT_ATTENTION = 0x6;
  public static final int DATA_PROTECT = 0x7;
  public static final int BLANK_CHECK = 0x8;
  public static final int VOLUME_OVERFLOW = 0xD;

  public static Sense of(int key, int asc, int ascq) {
    return new Sense(key, asc, ascq, false, false, false, null);
  }

  public static Sense illegalRequest(int asc, int ascq) {
    return of(ILLEGAL_REQUEST, asc, ascq);
  }

  /** INVALID COMMAND OPERATION CODE. */
  public static Sense invalidOpcode() {
    return illegalRequest(0x20, 0x00);
  }

  /** INVALID FIELD IN CDB. */
  public static Sense invalidField() {
    return illegalRequest(0x24, 0x00);
  }

  public Sense withFilemark() {
    return new Sense(key, asc, ascq, true, eom, ili, information);
  }

  public Sense withEom() {
    return new Sense(key, asc, ascq, filemark, true, ili, information);
  }

  public Sense withIli() {
    return new Sense(key, asc, ascq, filemark, eom, true, information);
  }

  public Sense withInformation(int value) {
    return new Sense(key, asc, ascq, filemark, eom, ili, value);
  }

  public byte[] bytes() {
    byte[] b = new byte[18];
    b[0] = (byte) (0x70 | (information != null ? 0x80 : 0));
    b[2] = (byte) ((filemark ? 0x80 : 0) | (eom ? 0x40 : 0) | (ili ? 0x20 : 0) | (key & 0x0F));
    if (information != null) {
      Bytes.putInt(b, 3, information);
    }
    b[7] = 10;
    b[12] = (byte) asc;
    b[13] = (byte) ascq;
    return b;
  }
}
