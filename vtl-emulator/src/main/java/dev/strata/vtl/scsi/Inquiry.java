package dev.strata.vtl.scsi;

/** Standard INQUIRY data and the two vital product data pages every unit reports. */
final class Inquiry {
  static final String VENDOR = "STRATA";

  private Inquiry() {}

  /**
   * INQUIRY: EVPD 0 gives standard data; EVPD 1 gives page 0x00 (supported pages) or 0x80 (unit
   * serial number).
   */
  static ScsiResponse answer(
      byte[] cdb, int peripheralType, boolean removable, String product, String serial) {
    int allocation = Bytes.u16(cdb, 3);
    boolean evpd = (cdb[1] & 1) != 0;
    int page = Bytes.u8(cdb, 2);
    byte[] data;
    if (!evpd) {
      if (page != 0) {
        return ScsiResponse.check(Sense.invalidField());
      }
      data = new byte[36];
      data[0] = (byte) peripheralType;
      data[1] = (byte) (removable ? 0x80 : 0);
      data[2] = 0x06; // SPC-4
      data[3] = 0x02; // response data format 2
      data[4] = 31; // additional length
      Bytes.putAscii(data, 8, 8, VENDOR);
      Bytes.putAscii(data, 16, 16, product);
      Bytes.putAscii(data, 32, 4, "0001");
    } else if (page == 0x00) {
      data = new byte[] {(byte) peripheralType, 0x00, 0, 2, 0x00, (byte) 0x80};
    } else if (page == 0x80) {
      data = new byte[4 + serial.length()];
      data[0] = (byte) peripheralType;
      data[1] = (byte) 0x80;
      data[3] = (byte) serial.length();
      Bytes.putAscii(data, 4, serial.length(), serial);
    } else {
      return ScsiResponse.check(Sense.invalidField());
    }
    return ScsiResponse.good(data).truncatedTo(allocation);
  }

  /** REQUEST SENSE after a command that completed: nothing to report. */
  static ScsiResponse noSense(byte[] cdb) {
    return ScsiResponse.good(Sense.of(Sense.NO_SENSE, 0, 0).bytes()).truncatedTo(Bytes.u8(cdb, 4));
  }
}
