package dev.strata.format.grant;

import dev.strata.format.repo.PublicKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Names the key that signed a grant: the first 8 bytes of the SHA-256 of the issuer's Ed25519
 * public key. A node that trusts several issuer keys (during a key rotation) picks the right one by
 * it; it is a hint, never a substitute for checking the signature.
 */
public final class GrantKeyId {
  public static final int LENGTH = 8;
  private final byte[] bytes;

  private GrantKeyId(byte[] bytes) {
    this.bytes = bytes;
  }

  public static GrantKeyId of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a grant key id has 8 bytes");
    }
    return new GrantKeyId(bytes.clone());
  }

  public static GrantKeyId of(PublicKey issuer) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(issuer.toBytes());
      return new GrantKeyId(Arrays.copyOf(h, LENGTH));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GrantKeyId k && Arrays.equals(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
