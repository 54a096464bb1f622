package dev.strata.vtl.scsi;

/** Big-endian fields of CDBs and parameter data. */
final class Bytes {
  private Bytes() {}

  static int u8(byte[] b, int at) {
    return b[at] & 0xFF;
  }

  static int u16(byte[] b, int at) {
    return (u8(b, at) << 8) | u8(b, at + 1);
  }

  static int u24(byte[] b, int at) {
    return (u8(b, at) << 16) | u16(b, at + 1);
  }

  /** A 24-bit two's complement count (SPACE). */
  static int s24(byte[] b, int at) {
    int v = u24(b, at);
    return (v & 0x800000) != 0 ? v - 0x1000000 : v;
  }

  static long u32(byte[] b, int at) {
    return ((long) u16(b, at) << 16) | u16(b, at + 2);
  }

  static void putShort(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 8);
    b[at + 1] = (byte) v;
  }

  static void put24(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 16);
    putShort(b, at + 1, v);
  }

  static void putInt(byte[] b, int at, int v) {
    putShort(b, at, v >>> 16);
    putShort(b, at + 2, v);
  }

  /** ASCII, padded with spaces to {@code length}. */
  static void putAscii(byte[] b, int at, int length, String s) {
    for (int i = 0; i < length; i++) {
      b[at + i] = (byte) (i < s.length() ? s.charAt(i) : ' ');
    }
  }
}
