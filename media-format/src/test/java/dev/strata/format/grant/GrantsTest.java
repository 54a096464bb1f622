package dev.strata.format.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.format.repo.PublicKey;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Grant tokens: round trip, golden vector, and every way a token can be refused. */
class GrantsTest {
  static final GrantIssuerKey CENTER = GrantIssuerKey.fromSeed(seed(1));
  static final PublicKey SIGNER = GrantIssuerKey.fromSeed(seed(2)).publicKey();

  static byte[] seed(int b) {
    byte[] s = new byte[32];
    java.util.Arrays.fill(s, (byte) b);
    return s;
  }

  static Grant sample() {
    return new Grant(
        CENTER.keyId(),
        Instant.parse("2026-01-02T03:04:05Z"),
        Instant.parse("2026-01-02T04:04:05Z"),
        "acme",
        "session-42",
        "dc2",
        "",
        EnumSet.of(GrantOperation.PACK_WRITE, GrantOperation.PACK_LIST),
        List.of(SIGNER));
  }

  static Optional<PublicKey> center(GrantKeyId id) {
    return id.equals(CENTER.keyId()) ? Optional.of(CENTER.publicKey()) : Optional.empty();
  }

  /** Version 1 as issued by this build; every later build must read it the same. */
  static final String GOLDEN =
      "sgt1.U1JHVAABNHUPmL1Z_PwAAAGbfKmMiAAAAZt84HsIAARhY21lAApzZXNzaW9uLTQyAANkYzIAAAI"
          + "AClBBQ0tfV1JJVEUACVBBQ0tfTElTVAABgTl3Dqh9F19Wo1Rmw0x-zMuNipG07jeiXfYPW4_Js5QtAPg"
          + "EdVlfdmmt_9q5KFUVZy8GKMtWNtaiEFp6w26f_-SBoWD_qBnuTLBrp4dNJbrcMBSvPUuPOaqb52ia6SE"
          + "P";

  @Test
  void readsBackWhatItIssued() throws Exception {
    String token = Grants.issue(sample(), CENTER);
    assertThat(token).startsWith("sgt1.");
    assertThat(Grants.read(token, GrantsTest::center)).isEqualTo(sample());
  }

  @Test
  void readsTheGoldenVersionOneToken() throws Exception {
    assertThat(Grants.issue(sample(), CENTER)).isEqualTo(GOLDEN);
    Grant g = Grants.read(GOLDEN, GrantsTest::center);
    assertThat(g.tenant()).isEqualTo("acme");
    assertThat(g.operations())
        .containsExactlyInAnyOrder(GrantOperation.PACK_WRITE, GrantOperation.PACK_LIST);
    assertThat(g.trustsSigner(SIGNER)).isTrue();
    assertThat(HexFormat.of().formatHex(CENTER.keyId().toBytes())).isEqualTo(g.issuer().toString());
  }

  @Test
  void refusesATokenWithAnyByteChanged() {
    byte[] raw = Base64.getUrlDecoder().decode(GOLDEN.substring(5));
    for (int i = 0; i < raw.length; i++) {
      byte[] bad = raw.clone();
      bad[i] ^= 0x01;
      String token = "sgt1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bad);
      assertThatThrownBy(() -> Grants.read(token, GrantsTest::center))
          .as("byte " + i)
          .isInstanceOf(InvalidGrantException.class);
    }
  }

  @Test
  void refusesATokenOfAnUnknownIssuer() {
    GrantIssuerKey rogue = GrantIssuerKey.generate(new SecureRandom());
    Grant g = sample();
    String token =
        Grants.issue(
            new Grant(
                rogue.keyId(),
                g.issuedAt(),
                g.expiresAt(),
                g.tenant(),
                g.session(),
                g.dataCenter(),
                g.node(),
                g.operations(),
                g.signers()),
            rogue);
    assertThatThrownBy(() -> Grants.read(token, GrantsTest::center))
        .hasMessageContaining("unknown key");
  }

  @Test
  void refusesARogueKeyClaimingTheCentersId() {
    GrantIssuerKey rogue = GrantIssuerKey.generate(new SecureRandom());
    Grant g = sample();
    // Sign with the rogue key but name the center as issuer: only the signature can tell.
    String token =
        Grants.issue(
            new Grant(
                rogue.keyId(),
                g.issuedAt(),
                g.expiresAt(),
                g.tenant(),
                g.session(),
                g.dataCenter(),
                g.node(),
                g.operations(),
                g.signers()),
            rogue);
    byte[] raw = Base64.getUrlDecoder().decode(token.substring(5));
    System.arraycopy(CENTER.keyId().toBytes(), 0, raw, 6, 8);
    String forged = "sgt1." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    assertThatThrownBy(() -> Grants.read(forged, GrantsTest::center))
        .hasMessageContaining("signature does not verify");
  }

  @Test
  void refusesTruncatedOrExtendedTokensAndOtherVersions() {
    byte[] raw = Base64.getUrlDecoder().decode(GOLDEN.substring(5));
    String cut =
        "sgt1."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(java.util.Arrays.copyOf(raw, raw.length - 1));
    assertThatThrownBy(() -> Grants.read(cut, GrantsTest::center))
        .hasMessageContaining("truncated");
    String longer =
        "sgt1."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(java.util.Arrays.copyOf(raw, raw.length + 1));
    assertThatThrownBy(() -> Grants.read(longer, GrantsTest::center))
        .hasMessageContaining("after its signature");
    byte[] v2 = raw.clone();
    ByteBuffer.wrap(v2).putShort(4, (short) 2);
    String two = "sgt1." + Base64.getUrlEncoder().withoutPadding().encodeToString(v2);
    assertThatThrownBy(() -> Grants.read(two, GrantsTest::center))
        .hasMessageContaining("version 2");
    assertThatThrownBy(() -> Grants.read("Bearer xyz", GrantsTest::center))
        .hasMessageContaining("not a Strata grant");
    assertThatThrownBy(() -> Grants.read("sgt1.!!!", GrantsTest::center))
        .hasMessageContaining("base64url");
  }

  @Test
  void refusesGrantsThatCannotMeanAnything() {
    Grant g = sample();
    assertThatThrownBy(
            () ->
                new Grant(
                    g.issuer(),
                    g.issuedAt(),
                    g.issuedAt(),
                    "acme",
                    "",
                    "dc2",
                    "",
                    Set.of(GrantOperation.PACK_READ),
                    List.of()))
        .hasMessageContaining("expire after");
    assertThatThrownBy(
            () ->
                new Grant(
                    g.issuer(),
                    g.issuedAt(),
                    g.expiresAt(),
                    "",
                    "",
                    "dc2",
                    "",
                    Set.of(GrantOperation.PACK_READ),
                    List.of()))
        .hasMessageContaining("no tenant");
    assertThatThrownBy(
            () ->
                new Grant(
                    g.issuer(),
                    g.issuedAt(),
                    g.expiresAt(),
                    "../b",
                    "",
                    "dc2",
                    "",
                    Set.of(GrantOperation.PACK_READ),
                    List.of()))
        .hasMessageContaining("invalid tenant");
    assertThat(
            new Grant(
                    g.issuer(),
                    g.issuedAt(),
                    g.expiresAt(),
                    "",
                    "",
                    "dc2",
                    "",
                    Set.of(GrantOperation.NODE_READ),
                    List.of())
                .tenant())
        .isEmpty();
  }

  @Test
  void keyFilesRoundTrip(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path priv = dir.resolve("center.key");
    java.nio.file.Path pub = dir.resolve("center.pub");
    java.nio.file.Files.writeString(
        priv, "# the center's grant key\n" + GrantKeyFiles.privateKeyText(CENTER));
    java.nio.file.Files.writeString(pub, GrantKeyFiles.publicKeyText(CENTER.publicKey()));
    assertThat(GrantKeyFiles.readPrivate(priv).publicKey()).isEqualTo(CENTER.publicKey());
    assertThat(GrantKeyFiles.readPublic(pub)).isEqualTo(CENTER.publicKey());
    assertThat(GrantKeyFiles.readPublic(priv)).isEqualTo(CENTER.publicKey());
    assertThatThrownBy(() -> GrantKeyFiles.readPrivate(pub)).hasMessageContaining("no private key");
  }
}
