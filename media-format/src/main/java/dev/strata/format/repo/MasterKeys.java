package dev.strata.format.repo;

import dev.strata.format.FormatException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The secrets of a repository, created once at random and stored only wrapped ({@link KeyFile}):
 * the AES-256 key that encrypts blobs, the HMAC key that makes blob ids, and the Ed25519 key that
 * signs packs and snapshots. Immutable and thread-safe; the per-thread tools it hands out ({@link
 * #idHasher()}, {@link #cipher}) are not.
 */
public final class MasterKeys {
  static final int VERSION = 1;
  static final int ENCODED_LENGTH = 1 + 32 + 32 + 32;

  private final RepositoryId repository;
  private final byte[] encryptionKey;
  private final byte[] idKey;
  private final Ed25519PrivateKeyParameters signingKey;

  private MasterKeys(
      RepositoryId repository, byte[] encryptionKey, byte[] idKey, byte[] signingSeed) {
    this.repository = repository;
    this.encryptionKey = encryptionKey;
    this.idKey = idKey;
    this.signingKey = new Ed25519PrivateKeyParameters(signingSeed, 0);
  }

  public static MasterKeys generate(RepositoryId repository, SecureRandom random) {
    byte[] e = new byte[32];
    byte[] i = new byte[32];
    byte[] s = new byte[32];
    random.nextBytes(e);
    random.nextBytes(i);
    random.nextBytes(s);
    return new MasterKeys(repository, e, i, s);
  }

  byte[] encode() {
    byte[] b = new byte[ENCODED_LENGTH];
    b[0] = VERSION;
    System.arraycopy(encryptionKey, 0, b, 1, 32);
    System.arraycopy(idKey, 0, b, 33, 32);
    System.arraycopy(signingKey.getEncoded(), 0, b, 65, 32);
    return b;
  }

  static MasterKeys decode(RepositoryId repository, byte[] b) throws FormatException {
    if (b.length != ENCODED_LENGTH || b[0] != VERSION) {
      throw new FormatException("master key material of an unknown layout");
    }
    return new MasterKeys(
        repository,
        Arrays.copyOfRange(b, 1, 33),
        Arrays.copyOfRange(b, 33, 65),
        Arrays.copyOfRange(b, 65, 97));
  }

  public RepositoryId repository() {
    return repository;
  }

  public PublicKey publicKey() {
    return PublicKey.of(signingKey.generatePublicKey().getEncoded());
  }

  byte[] sign(byte[] message) {
    Ed25519Signer s = new Ed25519Signer();
    s.init(true, signingKey);
    s.update(message, 0, message.length);
    return s.generateSignature();
  }

  /** A cipher for blobs of this repository; one per thread. */
  public BlobCipher cipher(SecureRandom random) {
    return new BlobCipher(repository, new SecretKeySpec(encryptionKey, "AES"), random);
  }

  /** Computes blob ids; one per thread. */
  public IdHasher idHasher() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(idKey, "HmacSHA256"));
      return new IdHasher(mac);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("the JDK offers no HMAC-SHA-256", e);
    }
  }

  /**
   * A secret derived from the id key for {@code purpose} (for example the chunker's gear table), so
   * that other secrets need not be stored.
   */
  public byte[] derive(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(idKey, "HmacSHA256"));
      return mac.doFinal(
          ("strata derive " + purpose).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The keyed hash that names blobs. Not thread-safe. */
  public static final class IdHasher {
    private final Mac mac;

    IdHasher(Mac mac) {
      this.mac = mac;
    }

    public BlobId id(byte[] data, int off, int len) {
      mac.update(data, off, len);
      return BlobId.wrap(mac.doFinal());
    }
  }
}
