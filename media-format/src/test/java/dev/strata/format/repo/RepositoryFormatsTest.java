package dev.strata.format.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.format.FormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Round trips and tamper detection for every repository format. */
class RepositoryFormatsTest {
  private static final KeyFile.Kdf CHEAP = new KeyFile.Kdf(64, 1, 1);
  private final SecureRandom random = new SecureRandom();
  private final RepositoryId repoId = RepositoryId.random(random);
  private final MasterKeys keys = MasterKeys.generate(repoId, random);
  private final BlobCipher cipher = keys.cipher(random);

  static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 65535, 65536, 65537, 3 * 65536, (1 << 20) + 3})
  void sealsAndOpensBlobsOfAnySize(int size) throws Exception {
    byte[] data = bytes(size, size);
    BlobId id = keys.idHasher().id(data, 0, data.length);
    byte[] sealed = cipher.seal(BlobType.DATA, id, data, 0, data.length);
    assertThat(sealed).hasSize(BlobCipher.sealedLength(size));
    assertThat(BlobCipher.plaintextLength(sealed.length)).isEqualTo(size);
    assertThat(cipher.open(BlobType.DATA, id, sealed, 0, sealed.length)).isEqualTo(data);
  }

  @Test
  void everyFlippedByteOfASealedBlobIsDetected() {
    byte[] data = bytes(70_000, 1);
    BlobId id = keys.idHasher().id(data, 0, data.length);
    byte[] sealed = cipher.seal(BlobType.DATA, id, data, 0, data.length);
    for (int i = 0; i < sealed.length; i += 997) {
      byte[] bad = sealed.clone();
      bad[i] ^= 0x40;
      assertThatThrownBy(() -> cipher.open(BlobType.DATA, id, bad, 0, bad.length))
          .isInstanceOf(FormatException.class)
          .hasMessageContaining("failed authentication");
    }
  }

  @Test
  void aBlobCannotBeMovedToAnotherIdTypeOrRepositoryOrTruncated() throws Exception {
    byte[] data = bytes(200_000, 2);
    BlobId id = keys.idHasher().id(data, 0, data.length);
    BlobId other = keys.idHasher().id(data, 0, 10);
    byte[] sealed = cipher.seal(BlobType.DATA, id, data, 0, data.length);
    assertThatThrownBy(() -> cipher.open(BlobType.DATA, other, sealed, 0, sealed.length))
        .isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> cipher.open(BlobType.TREE, id, sealed, 0, sealed.length))
        .isInstanceOf(FormatException.class);
    BlobCipher elsewhere = MasterKeys.generate(RepositoryId.random(random), random).cipher(random);
    assertThatThrownBy(() -> elsewhere.open(BlobType.DATA, id, sealed, 0, sealed.length))
        .isInstanceOf(FormatException.class);
    // Dropping the last whole segment leaves a well-formed length whose last segment is not "last".
    int shorter = BlobCipher.NONCE_LENGTH + 3 * (BlobCipher.SEGMENT + BlobCipher.TAG_LENGTH);
    assertThatThrownBy(() -> cipher.open(BlobType.DATA, id, sealed, 0, shorter))
        .isInstanceOf(FormatException.class);
  }

  @Test
  void blobIdsAreKeyedSoOtherRepositoriesGetOtherIds() {
    byte[] data = bytes(1000, 3);
    MasterKeys other = MasterKeys.generate(repoId, random);
    assertThat(keys.idHasher().id(data, 0, data.length))
        .isEqualTo(keys.idHasher().id(data.clone(), 0, data.length))
        .isNotEqualTo(other.idHasher().id(data, 0, data.length));
  }

  @Test
  void aKeyFileOpensWithItsPassphraseOnly() throws Exception {
    KeyFile k =
        KeyFile.wrap(keys, "correct horse".toCharArray(), CHEAP, Instant.EPOCH, "me@host", random);
    KeyFile decoded = KeyFile.decode(k.encode());
    assertThat(decoded.label()).isEqualTo("me@host");
    MasterKeys opened = decoded.unwrap("correct horse".toCharArray());
    assertThat(opened.publicKey()).isEqualTo(keys.publicKey());
    byte[] data = bytes(100, 4);
    assertThat(opened.idHasher().id(data, 0, 100)).isEqualTo(keys.idHasher().id(data, 0, 100));
    assertThatThrownBy(() -> decoded.unwrap("wrong".toCharArray()))
        .isInstanceOf(KeyFile.WrongPassphrase.class)
        .hasMessageContaining("wrong passphrase");
    byte[] tampered = k.encode();
    tampered[30] ^= 1; // inside the authenticated header (the KDF parameters)
    assertThatThrownBy(() -> KeyFile.decode(tampered).unwrap("correct horse".toCharArray()))
        .isInstanceOfAny(KeyFile.WrongPassphrase.class, FormatException.class);
  }

  @Test
  void theConfigIsSignedAndATamperedOneIsRefused() throws Exception {
    RepositoryConfig c =
        new RepositoryConfig(
            repoId, Instant.EPOCH, 256 << 10, 1 << 20, 4 << 20, 64 << 20, keys.publicKey());
    byte[] bytes = c.encode(keys);
    assertThat(RepositoryConfig.decode(bytes)).isEqualTo(c);
    for (int i = 0; i < bytes.length; i++) {
      byte[] bad = bytes.clone();
      bad[i] ^= 0x01;
      assertThatThrownBy(() -> RepositoryConfig.decode(bad)).isInstanceOf(FormatException.class);
    }
  }

  private record Written(byte[] pack, PackWriter.Finished finished, List<byte[]> blobs) {}

  private Written writePack(int blobs) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PackWriter w = new PackWriter(out, keys, cipher);
    List<byte[]> plain = new ArrayList<>();
    for (int i = 0; i < blobs; i++) {
      byte[] data = bytes(10_000 + i * 5000, 10 + i);
      BlobId id = keys.idHasher().id(data, 0, data.length);
      w.add(
          BlobType.DATA,
          id,
          cipher.seal(BlobType.DATA, id, data, 0, data.length),
          data.length,
          Compression.NONE);
      plain.add(data);
    }
    PackWriter.Finished f = w.finish();
    return new Written(out.toByteArray(), f, plain);
  }

  private PackReader.Verification verify(byte[] pack) throws Exception {
    return PackReader.verify(new ByteArrayInputStream(pack), pack.length, repoId, keys.publicKey());
  }

  @Test
  void aPackVerifiesWithThePublicKeyAndItsIndexLeadsToEveryBlob() throws Exception {
    Written w = writePack(3);
    assertThat(w.finished().length()).isEqualTo(w.pack().length);
    PackReader.Verification v = verify(w.pack());
    assertThat(v.ok()).isTrue();
    assertThat(v.sha256()).isEqualTo(w.finished().sha256());
    byte[] tail =
        java.util.Arrays.copyOfRange(
            w.pack(), w.pack().length - PackTrailer.LENGTH, w.pack().length);
    PackTrailer t = PackTrailer.decode(tail, w.pack().length);
    byte[] sealedIndex =
        java.util.Arrays.copyOfRange(
            w.pack(), (int) t.indexOffset(), (int) t.indexOffset() + t.indexLength());
    List<PackEntry> entries = PackReader.readIndex(t, sealedIndex, cipher);
    assertThat(entries).hasSize(3).isEqualTo(w.finished().entries());
    for (int i = 0; i < 3; i++) {
      PackEntry e = entries.get(i);
      assertThat(cipher.open(e.type(), e.id(), w.pack(), e.offset(), e.length()))
          .isEqualTo(w.blobs().get(i));
    }
  }

  @Test
  void everyFlippedByteOfAPackFailsKeylessVerification() throws Exception {
    byte[] pack = writePack(2).pack();
    for (int i = 0; i < pack.length; i += 101) {
      byte[] bad = pack.clone();
      bad[i] ^= 0x10;
      assertThat(verify(bad).ok()).as("flip at %d", i).isFalse();
    }
    byte[] last = pack.clone();
    last[last.length - 1] ^= 1;
    assertThat(verify(last).ok()).isFalse();
  }

  @Test
  void aPackSignedByAnotherKeyOrOfAnotherRepositoryIsRefused() throws Exception {
    byte[] pack = writePack(1).pack();
    MasterKeys other = MasterKeys.generate(repoId, random);
    assertThat(
            PackReader.verify(
                    new ByteArrayInputStream(pack), pack.length, repoId, other.publicKey())
                .problem())
        .contains("the pack was signed by another key");
    assertThat(
            PackReader.verify(
                    new ByteArrayInputStream(pack),
                    pack.length,
                    RepositoryId.random(random),
                    keys.publicKey())
                .problem())
        .contains("the pack belongs to another repository");
    assertThat(
            PackReader.verify(new ByteArrayInputStream(pack, 0, 40), 40, repoId, keys.publicKey())
                .problem())
        .contains("too short to be a pack");
  }

  @Test
  void treesRoundTripWithEveryKindOfEntry() throws Exception {
    BlobId a = keys.idHasher().id(new byte[] {1}, 0, 1);
    BlobId b = keys.idHasher().id(new byte[] {2}, 0, 1);
    List<TreeEntry> entries =
        List.of(
            new TreeEntry(TreeEntry.Kind.DIRECTORY, "home", 0755, 0, 0, 1, 2, 0, 7, "", List.of()),
            new TreeEntry(
                TreeEntry.Kind.FILE,
                "home/ünï cødé 📁.txt",
                04644,
                1000,
                100,
                -5,
                999_999_999,
                5L << 32,
                8,
                "",
                List.of(a, b, a)),
            new TreeEntry(
                TreeEntry.Kind.SYMLINK, "home/l", 0777, 1, 1, 3, 0, 0, 9, "../x", List.of()),
            new TreeEntry(
                TreeEntry.Kind.HARDLINK,
                "home/h",
                0644,
                1,
                1,
                3,
                0,
                0,
                8,
                "home/ünï cødé 📁.txt",
                List.of()));
    assertThat(TreeCodec.decode(TreeCodec.encode(entries))).isEqualTo(entries);
    byte[] enc = TreeCodec.encode(entries);
    assertThatThrownBy(() -> TreeCodec.decode(java.util.Arrays.copyOf(enc, enc.length - 1)))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("ends too early");
  }

  @Test
  void snapshotsAreSignedEncryptedAndVerifiableWithoutKeys() throws Exception {
    BlobId tree = keys.idHasher().id(new byte[] {9}, 0, 1);
    Snapshot s =
        new Snapshot(
            repoId,
            7,
            Instant.ofEpochMilli(1_700_000_000_123L),
            "host",
            "user",
            List.of("/a", "/b"),
            Optional.of(new SnapshotId("ab".repeat(32))),
            List.of(tree),
            3,
            4096);
    byte[] bytes = s.encode(keys, cipher);
    assertThat(Snapshot.decode(bytes, keys.publicKey(), cipher)).isEqualTo(s);
    Snapshot.Header h = Snapshot.verify(bytes, keys.publicKey());
    assertThat(h.sequence()).isEqualTo(7);
    assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("host");
    for (int i = 0; i < bytes.length; i += 7) {
      byte[] bad = bytes.clone();
      bad[i] ^= 0x02;
      assertThatThrownBy(() -> Snapshot.verify(bad, keys.publicKey()))
          .isInstanceOf(FormatException.class);
    }
  }
}
