package dev.strata.pool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stored form of a high-entropy secret (an API key's, a node's credential, an enrolment token):
 * its SHA-256 in hex, compared in constant time. Such secrets carry 256 random bits, so a slow hash
 * would add nothing but cost on every request.
 */
public final class SecretHash {
  private SecretHash() {}

  public static String of(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Whether {@code secret} hashes to {@code stored}, in time independent of where they differ. */
  public static boolean matches(String secret, String stored) {
    return MessageDigest.isEqual(
        of(secret).getBytes(StandardCharsets.US_ASCII), stored.getBytes(StandardCharsets.US_ASCII));
  }
}
