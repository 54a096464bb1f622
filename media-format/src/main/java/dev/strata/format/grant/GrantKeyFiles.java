package dev.strata.format.grant;

import dev.strata.format.repo.PublicKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * The text files that hold grant keys: one line {@code strata-grant-key-v1 public <base64>} (what a
 * node is given) or {@code strata-grant-key-v1 private <base64 seed>} (what the center keeps, and
 * what must never leave it). Lines starting with {@code #} and blank lines are ignored.
 */
public final class GrantKeyFiles {
  static final String TAG = "strata-grant-key-v1";

  private GrantKeyFiles() {}

  public static String publicKeyText(PublicKey key) {
    return TAG + " public " + Base64.getEncoder().encodeToString(key.toBytes()) + "\n";
  }

  public static String privateKeyText(GrantIssuerKey key) {
    return TAG + " private " + Base64.getEncoder().encodeToString(key.seed()) + "\n";
  }

  /** Reads a public key file (or the public half of a private key file). */
  public static PublicKey readPublic(Path file) throws IOException {
    return publicKey(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /**
   * The public key in {@code text}, in the same form as a key file (what the control center hands a
   * node at enrolment); {@code source} names where it came from in errors.
   */
  public static PublicKey parsePublic(String text, String source) throws IOException {
    return publicKey(source, text.lines().toList());
  }

  private static PublicKey publicKey(String file, List<String> lines) throws IOException {
    String[] f = line(file, lines);
    byte[] b = decode(file, f[2]);
    return switch (f[1]) {
      case "public" -> {
        if (b.length != PublicKey.LENGTH) {
          throw new IOException(file + ": a public key has 32 bytes, this one " + b.length);
        }
        yield PublicKey.of(b);
      }
      case "private" -> GrantIssuerKey.fromSeed(b).publicKey();
      default -> throw new IOException(file + ": expected 'public' or 'private', not " + f[1]);
    };
  }

  public static GrantIssuerKey readPrivate(Path file) throws IOException {
    String[] f = line(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    if (!f[1].equals("private")) {
      throw new IOException(file + " holds no private key");
    }
    byte[] b = decode(file.toString(), f[2]);
    if (b.length != GrantIssuerKey.SEED_LENGTH) {
      throw new IOException(file + ": a private key has 32 bytes, this one " + b.length);
    }
    return GrantIssuerKey.fromSeed(b);
  }

  private static String[] line(String file, List<String> lines) throws IOException {
    for (String l : lines) {
      String s = l.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      String[] f = s.split("\\s+");
      if (f.length != 3 || !f[0].equals(TAG)) {
        throw new IOException(file + " is not a grant key file (" + TAG + " public|private KEY)");
      }
      return f;
    }
    throw new IOException(file + " holds no key");
  }

  private static byte[] decode(String file, String b64) throws IOException {
    try {
      return Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": the key is not base64", e);
    }
  }
}
