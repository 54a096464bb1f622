package dev.strata.format.repo;

import dev.strata.format.FormatException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A repository's master keys wrapped under one passphrase: an Argon2id key derived from the
 * passphrase (Bouncy Castle) encrypts them with AES-256-GCM. A repository holds one key file per
 * passphrase (or recovery key); each opens the same master keys.
 *
 * @param repository the repository whose keys these are (bound into the encryption)
 * @param kdf the Argon2id cost, stored so that unwrapping can repeat it
 * @param createdAt when the passphrase was added
 * @param label who added it, for listing keys (for example {@code user@host})
 */
public record KeyFile(
    RepositoryId repository,
    Kdf kdf,
    byte[] salt,
    Instant createdAt,
    String label,
    byte[] nonce,
    byte[] wrapped) {

  public static final int VERSION = 1;
  private static final byte[] MAGIC = "SRKY".getBytes(StandardCharsets.US_ASCII);
  private static final int ARGON2ID = 1;

  /**
   * Argon2id cost.
   *
   * @param memoryKiB memory in KiB (at least 8 x parallelism)
   * @param iterations passes over the memory (at least 1)
   * @param parallelism lanes (1-16)
   */
  public record Kdf(int memoryKiB, int iterations, int parallelism) {
    /** RFC 9106's second recommendation for memory-constrained settings: 64 MiB, 3 passes. */
    public static final Kdf DEFAULT = new Kdf(64 * 1024, 3, 2);

    public Kdf {
      if (parallelism < 1 || parallelism > 16) {
        throw new IllegalArgumentException("Argon2 parallelism must be 1-16");
      }
      if (iterations < 1 || iterations > 100) {
        throw new IllegalArgumentException("Argon2 iterations must be 1-100");
      }
      if (memoryKiB < 8 * parallelism || memoryKiB > 4 * 1024 * 1024) {
        throw new IllegalArgumentException("Argon2 memory must be 8 x parallelism KiB to 4 GiB");
      }
    }
  }

  /** The passphrase does not open this key file. */
  public static final class WrongPassphrase extends Exception {
    private static final long serialVersionUID = 1L;

    WrongPassphrase() {
      super("wrong passphrase: it opens no key of this repository");
    }
  }

  /** Wraps {@code keys} under {@code passphrase}. */
  public static KeyFile wrap(
      MasterKeys keys,
      char[] passphrase,
      Kdf kdf,
      Instant createdAt,
      String label,
      SecureRandom random) {
    byte[] salt = new byte[16];
    byte[] nonce = new byte[BlobCipher.NONCE_LENGTH];
    random.nextBytes(salt);
    random.nextBytes(nonce);
    KeyFile unsealed =
        new KeyFile(keys.repository(), kdf, salt, createdAt, label, nonce, new byte[0]);
    byte[] kek = derive(passphrase, salt, kdf);
    try {
      Cipher c = cipher(Cipher.ENCRYPT_MODE, kek, nonce, unsealed.header());
      byte[] secret = keys.encode();
      byte[] wrapped = c.doFinal(secret);
      Arrays.fill(secret, (byte) 0);
      return new KeyFile(keys.repository(), kdf, salt, createdAt, label, nonce, wrapped);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  /** The master keys, if {@code passphrase} is the one this file was wrapped under. */
  public MasterKeys unwrap(char[] passphrase) throws WrongPassphrase, FormatException {
    byte[] kek = derive(passphrase, salt, kdf);
    try {
      byte[] secret = cipher(Cipher.DECRYPT_MODE, kek, nonce, header()).doFinal(wrapped);
      try {
        return MasterKeys.decode(repository, secret);
      } finally {
        Arrays.fill(secret, (byte) 0);
      }
    } catch (AEADBadTagException e) {
      throw new WrongPassphrase();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  private static Cipher cipher(int mode, byte[] kek, byte[] nonce, byte[] aad)
      throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
    c.updateAAD(aad);
    return c;
  }

  static byte[] derive(char[] passphrase, byte[] salt, Kdf kdf) {
    Argon2BytesGenerator g = new Argon2BytesGenerator();
    g.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(kdf.memoryKiB())
            .withIterations(kdf.iterations())
            .withParallelism(kdf.parallelism())
            .build());
    ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
    byte[] p = new byte[utf8.remaining()];
    utf8.get(p);
    Arrays.fill(utf8.array(), (byte) 0);
    byte[] out = new byte[32];
    g.generateBytes(p, out);
    Arrays.fill(p, (byte) 0);
    return out;
  }

  /** Everything before the nonce; authenticated with the wrapped keys. */
  private byte[] header() {
    ByteBuffer b =
        ByteBuffer.allocate(4 + 2 + 16 + 1 + 4 + 4 + 1 + 16 + 8 + Bin.stringLength(label));
    b.put(MAGIC).putShort((short) VERSION).put(repository.toBytes());
    b.put((byte) ARGON2ID).putInt(kdf.memoryKiB()).putInt(kdf.iterations());
    b.put((byte) kdf.parallelism()).put(salt).putLong(createdAt.toEpochMilli());
    Bin.putString(b, label);
    return b.array();
  }

  public byte[] encode() {
    byte[] h = header();
    return ByteBuffer.allocate(h.length + nonce.length + 2 + wrapped.length)
        .put(h)
        .put(nonce)
        .putShort((short) wrapped.length)
        .put(wrapped)
        .array();
  }

  public static KeyFile decode(byte[] bytes) throws FormatException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    return Bin.decoding(
        "key file",
        () -> {
          Bin.expectMagic(b, MAGIC, "key file");
          Bin.expectVersion(b, VERSION, "key file");
          byte[] repo = new byte[RepositoryId.LENGTH];
          b.get(repo);
          int alg = b.get();
          if (alg != ARGON2ID) {
            throw new FormatException("key file uses unknown key derivation " + alg);
          }
          Kdf kdf = new Kdf(b.getInt(), b.getInt(), b.get());
          byte[] salt = new byte[16];
          b.get(salt);
          Instant created = Instant.ofEpochMilli(b.getLong());
          String label = Bin.getString(b);
          byte[] nonce = new byte[BlobCipher.NONCE_LENGTH];
          b.get(nonce);
          byte[] wrapped = new byte[Short.toUnsignedInt(b.getShort())];
          b.get(wrapped);
          if (b.hasRemaining()) {
            throw new FormatException("key file has " + b.remaining() + " bytes after its end");
          }
          return new KeyFile(RepositoryId.of(repo), kdf, salt, created, label, nonce, wrapped);
        });
  }
}
