package dev.strata.format.repo;

import dev.strata.format.FormatException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Small helpers shared by the encoders and decoders of this package. */
final class Bin {
  private Bin() {}

  static void putString(ByteBuffer b, String s) {
    byte[] u = s.getBytes(StandardCharsets.UTF_8);
    if (u.length > 0xffff) {
      throw new IllegalArgumentException(
          "a string of more than 65535 bytes: " + s.substring(0, 40));
    }
    b.putShort((short) u.length).put(u);
  }

  static int stringLength(String s) {
    return 2 + s.getBytes(StandardCharsets.UTF_8).length;
  }

  static String getString(ByteBuffer b) throws FormatException {
    int n = Short.toUnsignedInt(b.getShort());
    byte[] u = new byte[n];
    b.get(u);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(u))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FormatException("a string that is not UTF-8");
    }
  }

  /** Raw bytes behind a u32 length (tree version 2), as a {@link PathBytes} string. */
  static String getBytesAsPath(ByteBuffer b) {
    int n = b.getInt();
    if (n < 0 || n > b.remaining()) {
      throw new BufferUnderflowException(); // a length past the end: the blob ends too early
    }
    String s = PathBytes.decode(b.array(), b.arrayOffset() + b.position(), n);
    b.position(b.position() + n);
    return s;
  }

  static void expectMagic(ByteBuffer b, byte[] magic, String what) throws FormatException {
    if (b.remaining() < magic.length + 2) {
      throw new FormatException("too short to be a " + what);
    }
    byte[] m = new byte[magic.length];
    b.get(m);
    if (!Arrays.equals(m, magic)) {
      throw new FormatException("not a " + what + " (wrong magic)");
    }
  }

  static int expectVersion(ByteBuffer b, int supported, String what) throws FormatException {
    int v = Short.toUnsignedInt(b.getShort());
    if (v != supported) {
      throw new FormatException(
          what + " of format version " + v + "; this build reads version " + supported);
    }
    return v;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] sha256(byte[] b, int off, int len) {
    MessageDigest d = sha256();
    d.update(b, off, len);
    return d.digest();
  }

  /** Runs a decoder, turning a read past the end into a format error. */
  interface Decoder<T> {
    T decode() throws FormatException;
  }

  static <T> T decoding(String what, Decoder<T> d) throws FormatException {
    try {
      return d.decode();
    } catch (BufferUnderflowException e) {
      throw new FormatException(what + " ends too early");
    } catch (IllegalArgumentException e) {
      throw new FormatException(what + " holds an invalid value: " + e.getMessage());
    }
  }
}
