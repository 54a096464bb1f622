package dev.strata.pool.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an API key as a client sends it: {@code stk_<key id>_<secret>}, where the key id (16
 * hex digits) finds the key and the secret is 256 random bits (43 base64url characters). Only the
 * SHA-256 of the secret is stored: the secret has too much entropy for a slow hash to add anything,
 * and a fast one keeps every request cheap.
 */
public record ApiKeyToken(String keyId, String secret) {
  private static final Pattern FORMAT = Pattern.compile("stk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");

  /** A new token from a cryptographically strong generator. */
  public static ApiKeyToken generate(RandomGenerator strong) {
    byte[] id = new byte[8];
    byte[] secret = new byte[32];
    fill(strong, id);
    fill(strong, secret);
    return new ApiKeyToken(
        HexFormat.of().formatHex(id),
        Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  private static void fill(RandomGenerator random, byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
  }

  /** The token in {@code text}, or empty when it is not one. */
  public static Optional<ApiKeyToken> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(text.strip());
    return m.matches() ? Optional.of(new ApiKeyToken(m.group(1), m.group(2))) : Optional.empty();
  }

  /** What the client sends. */
  public String text() {
    return "stk_" + keyId + "_" + secret;
  }

  /** The stored form of the secret: hex SHA-256. */
  public String secretHash() {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Never the secret. */
  @Override
  public String toString() {
    return "ApiKeyToken[" + keyId + "]";
  }
}
