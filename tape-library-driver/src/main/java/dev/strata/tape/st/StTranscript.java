package dev.strata.tape.st;

import dev.strata.tape.mtx.CommandRunner;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * How st device calls appear in a transcript, beside the commands a changer runs: each call is an
 * entry whose command is {@code st DEVICE CALL ARGS...}, whose exit code is 0 or the errno, whose
 * standard output carries the result (a count, a status, or a read block in Base64 after its
 * length) and whose standard error carries the error's message. A write records the block's length
 * and SHA-256, so a replay checks that the driver writes exactly what it wrote when recorded.
 */
final class StTranscript {
  private StTranscript() {}

  static List<String> command(String path, String call, Object... args) {
    List<String> c = new ArrayList<>(List.of("st", path, call));
    for (Object a : args) {
      c.add(String.valueOf(a));
    }
    return List.copyOf(c);
  }

  static String sha256(ByteBuffer block) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(block.duplicate());
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static CommandRunner.Result ok(String out) {
    return new CommandRunner.Result(0, out.isEmpty() ? "" : out + "\n", "");
  }

  static CommandRunner.Result failed(StDeviceException e) {
    return new CommandRunner.Result(e.errno(), "", e.getMessage() + "\n");
  }

  /** The block a read returned: its length, then its bytes in Base64, 76 characters a line. */
  static String readResult(ByteBuffer data) {
    StringBuilder sb = new StringBuilder().append(data.remaining());
    String b64 = Base64.getMimeEncoder().encodeToString(toArray(data)).replace("\r", "");
    if (!b64.isEmpty()) {
      sb.append('\n').append(b64);
    }
    return sb.toString();
  }

  static byte[] readData(String stdout) {
    int nl = stdout.indexOf('\n');
    String body = nl < 0 ? "" : stdout.substring(nl + 1);
    return Base64.getMimeDecoder().decode(body.strip());
  }

  static int firstNumber(String stdout) {
    int nl = stdout.indexOf('\n');
    return Integer.parseInt((nl < 0 ? stdout : stdout.substring(0, nl)).strip());
  }

  private static byte[] toArray(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return a;
  }
}
