package dev.strata.format.repo;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A repository's Ed25519 public key: whoever holds it (a storage node, the control center, an
 * auditor) verifies packs and snapshots without being able to decrypt them. Thread-safe.
 */
public final class PublicKey extends FixedBytes {
  public static final int LENGTH = 32;

  private PublicKey(byte[] bytes) {
    super(bytes);
  }

  public static PublicKey of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
    }
    return new PublicKey(bytes.clone());
  }

  /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
  public boolean verifies(byte[] message, byte[] signature) {
    if (signature.length != Signatures.LENGTH) {
      return false;
    }
    Ed25519PublicKeyParameters key;
    try {
      key = new Ed25519PublicKeyParameters(bytes, 0);
    } catch (IllegalArgumentException e) {
      return false; // not a point on the curve: no signature can verify
    }
    Ed25519Signer v = new Ed25519Signer();
    v.init(false, key);
    v.update(message, 0, message.length);
    return v.verifySignature(signature);
  }
}
