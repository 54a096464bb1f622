package dev.strata.format.grant;

import dev.strata.format.repo.PublicKey;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Grant tokens, version 1 ({@code docs/formats/grant.md}): {@link #issue} encodes and signs a
 * {@link Grant}; {@link #read} checks a token's form and signature and returns what it grants.
 * Whether the grant is still valid and covers a call (time, node, tenant, operation) is the
 * reader's decision, made with its own clock.
 *
 * <p>The text form is {@code sgt1.} followed by the bytes in unpadded base64url, fit for an HTTP
 * header ({@code Authorization: Bearer sgt1.…}).
 */
public final class Grants {
  public static final String PREFIX = "sgt1.";
  public static final int VERSION = 1;
  static final byte[] MAGIC = "SRGT".getBytes(StandardCharsets.US_ASCII);
  static final String SIGNED_LABEL = "strata grant v1";
  static final int SIGNATURE_LENGTH = 64;

  /** A token longer than this is refused before it is decoded. */
  public static final int MAX_TOKEN_CHARS = 8192;

  private Grants() {}

  /** Encodes and signs {@code grant}; its issuer must be {@code key}'s id. */
  public static String issue(Grant grant, GrantIssuerKey key) {
    if (!grant.issuer().equals(key.keyId())) {
      throw new IllegalArgumentException(
          "the grant names issuer " + grant.issuer() + ", not this key");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    ByteBuffer fixed = ByteBuffer.allocate(4 + 2 + GrantKeyId.LENGTH + 8 + 8);
    fixed.put(MAGIC).putShort((short) VERSION).put(grant.issuer().toBytes());
    fixed.putLong(grant.issuedAt().toEpochMilli()).putLong(grant.expiresAt().toEpochMilli());
    out.writeBytes(fixed.array());
    putString(out, grant.tenant());
    putString(out, grant.session());
    putString(out, grant.dataCenter());
    putString(out, grant.node());
    List<GrantOperation> ops = new ArrayList<>(EnumSet.copyOf(grant.operations()));
    out.write(ops.size());
    for (GrantOperation op : ops) {
      putString(out, op.name());
    }
    out.write(grant.signers().size() >>> 8);
    out.write(grant.signers().size());
    for (PublicKey k : grant.signers()) {
      out.writeBytes(k.toBytes());
    }
    byte[] body = out.toByteArray();
    out.writeBytes(key.sign(signedMessage(body, body.length)));
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  /**
   * Reads a token: its form, its version, its issuer (looked up by key id in {@code issuers}) and
   * its signature. Does not look at times or scope.
   *
   * @throws InvalidGrantException with a message saying what is wrong
   */
  public static Grant read(String token, Function<GrantKeyId, Optional<PublicKey>> issuers)
      throws InvalidGrantException {
    if (token == null || !token.startsWith(PREFIX)) {
      throw new InvalidGrantException(
          "not a Strata grant (expected a token starting " + PREFIX + ")");
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      throw new InvalidGrantException(
          "the grant is longer than " + MAX_TOKEN_CHARS + " characters");
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new InvalidGrantException("the grant is not valid base64url");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    try {
      byte[] magic = new byte[4];
      b.get(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new InvalidGrantException("not a Strata grant (wrong magic)");
      }
      int version = Short.toUnsignedInt(b.getShort());
      if (version != VERSION) {
        throw new InvalidGrantException(
            "grant format version " + version + "; this build reads version " + VERSION);
      }
      byte[] kid = new byte[GrantKeyId.LENGTH];
      b.get(kid);
      GrantKeyId issuer = GrantKeyId.of(kid);
      PublicKey issuerKey =
          issuers
              .apply(issuer)
              .orElseThrow(
                  () ->
                      new InvalidGrantException(
                          "the grant was issued by an unknown key " + issuer));
      Instant issuedAt = Instant.ofEpochMilli(b.getLong());
      Instant expiresAt = Instant.ofEpochMilli(b.getLong());
      String tenant = getString(b);
      String session = getString(b);
      String dataCenter = getString(b);
      String node = getString(b);
      int opCount = Byte.toUnsignedInt(b.get());
      Set<GrantOperation> ops = EnumSet.noneOf(GrantOperation.class);
      for (int i = 0; i < opCount; i++) {
        String name = getString(b);
        try {
          ops.add(GrantOperation.valueOf(name));
        } catch (IllegalArgumentException e) {
          throw new InvalidGrantException("the grant allows an operation unknown here: " + name);
        }
      }
      int signerCount = Short.toUnsignedInt(b.getShort());
      if (signerCount > Grant.MAX_SIGNERS) {
        throw new InvalidGrantException("the grant names more than " + Grant.MAX_SIGNERS + " keys");
      }
      List<PublicKey> signers = new ArrayList<>(signerCount);
      for (int i = 0; i < signerCount; i++) {
        byte[] k = new byte[PublicKey.LENGTH];
        b.get(k);
        signers.add(PublicKey.of(k));
      }
      int bodyLength = b.position();
      if (b.remaining() != SIGNATURE_LENGTH) {
        throw new InvalidGrantException(
            b.remaining() < SIGNATURE_LENGTH
                ? "the grant is truncated"
                : "the grant has bytes after its signature");
      }
      byte[] signature = new byte[SIGNATURE_LENGTH];
      b.get(signature);
      if (!issuerKey.verifies(signedMessage(bytes, bodyLength), signature)) {
        throw new InvalidGrantException("the grant's signature does not verify");
      }
      try {
        return new Grant(
            issuer, issuedAt, expiresAt, tenant, session, dataCenter, node, ops, signers);
      } catch (IllegalArgumentException e) {
        throw new InvalidGrantException("the grant is not well-formed: " + e.getMessage());
      }
    } catch (BufferUnderflowException e) {
      throw new InvalidGrantException("the grant is truncated");
    }
  }

  private static byte[] signedMessage(byte[] body, int length) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(body, 0, length);
      byte[] label = SIGNED_LABEL.getBytes(StandardCharsets.US_ASCII);
      byte[] m = new byte[label.length + 1 + 32];
      System.arraycopy(label, 0, m, 0, label.length);
      System.arraycopy(d.digest(), 0, m, label.length + 1, 32);
      return m;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putString(ByteArrayOutputStream out, String s) {
    byte[] u = s.getBytes(StandardCharsets.UTF_8);
    if (u.length > 0xffff) {
      throw new IllegalArgumentException("a string of more than 65535 bytes");
    }
    out.write(u.length >>> 8);
    out.write(u.length);
    out.writeBytes(u);
  }

  private static String getString(ByteBuffer b) throws InvalidGrantException {
    byte[] u = new byte[Short.toUnsignedInt(b.getShort())];
    b.get(u);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(u))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidGrantException("the grant holds a string that is not UTF-8");
    }
  }
}
