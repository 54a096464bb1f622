package dev.strata.format.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The streaming, keyless pack check a storage node runs on arrival. */
class PackVerifierTest {
  private final SecureRandom random = new SecureRandom();
  private final RepositoryId repoId = RepositoryId.random(random);
  private final MasterKeys keys = MasterKeys.generate(repoId, random);
  private final BlobCipher cipher = keys.cipher(random);

  private byte[] pack(int blobs) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PackWriter w = new PackWriter(out, keys, cipher);
    for (int i = 0; i < blobs; i++) {
      byte[] data = new byte[20_000 + i * 777];
      new SplittableRandom(i).nextBytes(data);
      BlobId id = keys.idHasher().id(data, 0, data.length);
      w.add(
          BlobType.DATA,
          id,
          cipher.seal(BlobType.DATA, id, data, 0, data.length),
          data.length,
          Compression.NONE);
    }
    w.finish();
    return out.toByteArray();
  }

  private static PackVerifier.Result feed(byte[] pack, long announced, int chunk) {
    PackVerifier v = new PackVerifier(announced);
    for (int off = 0; off < pack.length; off += chunk) {
      v.update(pack, off, Math.min(chunk, pack.length - off));
    }
    return v.finish();
  }

  @Test
  void acceptsAWholePackFedInAnyChunkSizeAndNamesItsSignerAndRepository() throws Exception {
    byte[] pack = pack(5);
    byte[] sha = MessageDigest.getInstance("SHA-256").digest(pack);
    for (int chunk : new int[] {1, 7, 64, 116, 4096, pack.length}) {
      PackVerifier.Result r = feed(pack, pack.length, chunk);
      assertThat(r.problem()).as("chunk " + chunk).isEmpty();
      assertThat(r.sha256()).isEqualTo(sha);
      assertThat(r.signer()).contains(keys.publicKey());
      assertThat(r.repository()).contains(repoId);
    }
  }

  @Test
  void refusesEveryFlippedByte() throws Exception {
    byte[] pack = pack(2);
    // Every byte is covered by the signature or is the signature or the end magic.
    for (int i = 0; i < pack.length; i += Math.max(1, pack.length / 300)) {
      byte[] bad = pack.clone();
      bad[i] ^= 0x40;
      assertThat(feed(bad, bad.length, 1000).ok()).as("byte " + i).isFalse();
    }
    byte[] last = pack.clone();
    last[last.length - 1] ^= 1;
    assertThat(feed(last, last.length, 1000).ok()).isFalse();
  }

  @Test
  void refusesATruncatedOrLongerPack() throws Exception {
    byte[] pack = pack(2);
    byte[] cut = Arrays.copyOf(pack, pack.length - 10);
    assertThat(feed(cut, pack.length, 999).problem()).get().asString().contains("ended after");
    assertThat(feed(cut, cut.length, 999).ok()).isFalse();
    byte[] longer = Arrays.copyOf(pack, pack.length + 3);
    assertThat(feed(longer, pack.length, 999).problem()).get().asString().contains("longer");
  }

  @Test
  void refusesBytesThatAreNoPack() {
    byte[] junk = new byte[5000];
    new SplittableRandom(3).nextBytes(junk);
    assertThat(feed(junk, junk.length, 100).problem()).get().asString().contains("not a pack");
    assertThat(feed(new byte[10], 10, 10).problem()).get().asString().contains("too short");
  }

  @Test
  void reportsAPackResignedByAnotherKeyAsThatKeys() throws Exception {
    MasterKeys other = MasterKeys.generate(repoId, random);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PackWriter(out, other, other.cipher(random)).finish();
    PackVerifier.Result r = feed(out.toByteArray(), out.size(), 50);
    assertThat(r.ok()).isTrue();
    assertThat(r.signer()).contains(other.publicKey()).isNotEqualTo(keys.publicKey());
  }
}
