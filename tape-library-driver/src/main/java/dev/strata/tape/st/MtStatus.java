package dev.strata.tape.st;

/**
 * What MTIOCGET returns: the st driver's view of the drive. {@code gstat} holds the generic status
 * bits ({@code GMT_*} in {@code <sys/mtio.h>}).
 *
 * @param type the drive type the st driver reports
 * @param residue the residue count of the last operation
 * @param dsreg the drive status register (block size and density)
 * @param gstat the generic status bits
 * @param erreg the error register (the soft error count)
 * @param fileNumber st's file number (-1 when it lost track)
 * @param blockNumber st's block number within the file (-1 when it lost track)
 */
public record MtStatus(
    long type, long residue, long dsreg, long gstat, long erreg, int fileNumber, int blockNumber) {
  static final long EOF = 0x80000000L;
  static final long BOT = 0x40000000L;
  static final long EOT = 0x20000000L;
  static final long EOD = 0x08000000L;
  static final long WR_PROT = 0x04000000L;
  static final long ONLINE = 0x01000000L;
  static final long CLN = 0x00008000L;

  /** A cartridge is loaded and the drive is ready. */
  public boolean online() {
    return (gstat & ONLINE) != 0;
  }

  /** The last operation ended just past a filemark. */
  public boolean atFilemark() {
    return (gstat & EOF) != 0;
  }

  public boolean beginningOfTape() {
    return (gstat & BOT) != 0;
  }

  public boolean endOfTape() {
    return (gstat & EOT) != 0;
  }

  public boolean endOfData() {
    return (gstat & EOD) != 0;
  }

  public boolean writeProtected() {
    return (gstat & WR_PROT) != 0;
  }

  public boolean cleaningRequested() {
    return (gstat & CLN) != 0;
  }

  /** As recorded in transcripts: {@code key=value} pairs, gstat in hexadecimal. */
  public String format() {
    return "type="
        + type
        + " resid="
        + residue
        + " dsreg=0x"
        + Long.toHexString(dsreg)
        + " gstat=0x"
        + Long.toHexString(gstat)
        + " erreg=0x"
        + Long.toHexString(erreg)
        + " fileno="
        + fileNumber
        + " blkno="
        + blockNumber;
  }

  public static MtStatus parse(String text) {
    java.util.Map<String, String> m = new java.util.HashMap<>();
    for (String pair : text.strip().split("\\s+")) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("not an st status: '" + text + "'");
      }
      m.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return new MtStatus(
        number(m, "type"),
        number(m, "resid"),
        number(m, "dsreg"),
        number(m, "gstat"),
        number(m, "erreg"),
        (int) number(m, "fileno"),
        (int) number(m, "blkno"));
  }

  private static long number(java.util.Map<String, String> m, String key) {
    String v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("st status without " + key);
    }
    return v.startsWith("0x") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v);
  }
}
