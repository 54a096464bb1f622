package dev.strata.vtl.scsi;

/**
 * What a logical unit answers to one command: a SCSI status, the data returned to the initiator
 * (data-in; may be shorter than it asked for) and, with CHECK CONDITION, fixed-format sense data.
 */
public record ScsiResponse(int status, byte[] data, byte[] sense) {
  public static final int GOOD = 0;
  public static final int CHECK_CONDITION = 2;

  private static final byte[] NONE = new byte[0];

  public static ScsiResponse good() {
    return new ScsiResponse(GOOD, NONE, NONE);
  }

  public static ScsiResponse good(byte[] data) {
    return new ScsiResponse(GOOD, data, NONE);
  }

  public static ScsiResponse check(Sense sense) {
    return new ScsiResponse(CHECK_CONDITION, NONE, sense.bytes());
  }

  public static ScsiResponse check(Sense sense, byte[] data) {
    return new ScsiResponse(CHECK_CONDITION, data, sense.bytes());
  }

  /** The data, cut to the initiator's allocation length. */
  public ScsiResponse truncatedTo(int allocation) {
    return data.length <= allocation
        ? this
        : new ScsiResponse(status, java.util.Arrays.copyOf(data, allocation), sense);
  }
}
