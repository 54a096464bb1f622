package dev.strata.format.grant;

import dev.strata.format.repo.PublicKey;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The control center's Ed25519 key that signs grants. Nodes hold only its public half ({@link
 * #publicKey()}). Immutable and thread-safe.
 */
public final class GrantIssuerKey {
  public static final int SEED_LENGTH = 32;
  private final Ed25519PrivateKeyParameters key;
  private final PublicKey publicKey;

  private GrantIssuerKey(byte[] seed) {
    this.key = new Ed25519PrivateKeyParameters(seed, 0);
    this.publicKey = PublicKey.of(key.generatePublicKey().getEncoded());
  }

  public static GrantIssuerKey generate(SecureRandom random) {
    byte[] seed = new byte[SEED_LENGTH];
    random.nextBytes(seed);
    return new GrantIssuerKey(seed);
  }

  public static GrantIssuerKey fromSeed(byte[] seed) {
    if (seed.length != SEED_LENGTH) {
      throw new IllegalArgumentException("an Ed25519 private seed has 32 bytes");
    }
    return new GrantIssuerKey(seed.clone());
  }

  /** The 32-byte private seed, for storing the key (see {@link GrantKeyFiles}). */
  public byte[] seed() {
    return key.getEncoded();
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public GrantKeyId keyId() {
    return GrantKeyId.of(publicKey);
  }

  byte[] sign(byte[] message) {
    Ed25519Signer s = new Ed25519Signer();
    s.init(true, key);
    s.update(message, 0, message.length);
    return s.generateSignature();
  }
}
