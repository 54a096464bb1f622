package dev.strata.format.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.format.FormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ledger generation, the lock and the version 2 config: golden vectors written with fixed keys
 * (Ed25519 signatures are deterministic), round trips, and tamper detection.
 */
class LedgerFormatTest {
  static final RepositoryId REPO =
      RepositoryId.of(HexFormat.of().parseHex("00112233445566778899aabbccddeeff"));

  /** Fixed master keys: version byte, then 32 bytes each of encryption, id and signing key. */
  static final MasterKeys KEYS;

  static {
    byte[] k = new byte[MasterKeys.ENCODED_LENGTH];
    k[0] = MasterKeys.VERSION;
    for (int i = 1; i < k.length; i++) {
      k[i] = (byte) i;
    }
    try {
      KEYS = MasterKeys.decode(REPO, k);
    } catch (FormatException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static final LedgerGeneration GENERATION =
      new LedgerGeneration(
          REPO,
          7,
          HexFormat.of().parseHex("a0".repeat(32)),
          Instant.parse("2026-11-28T10:00:00.123Z"),
          LedgerGeneration.Kind.CHANGES,
          List.of(
              new LedgerGeneration.SnapshotAdded(12, new SnapshotId("5a".repeat(32))),
              new LedgerGeneration.SnapshotRemoved(new SnapshotId("5b".repeat(32))),
              new LedgerGeneration.PackAdded(PackHash.ofHex("d1".repeat(32)), 67_108_864L),
              new LedgerGeneration.PackRemoved(PackHash.ofHex("d2".repeat(32)))));

  static final LockFile LOCK =
      new LockFile(
          REPO,
          LockFile.Kind.EXCLUSIVE,
          "backup-host.example",
          4242,
          1_790_000_000_000L,
          Instant.parse("2026-11-28T10:00:00Z"),
          Instant.parse("2026-11-28T10:05:00Z"));

  static final RepositoryConfig CONFIG_V2 =
      new RepositoryConfig(
          REPO,
          Instant.parse("2026-11-28T09:00:00Z"),
          256 << 10,
          1 << 20,
          4 << 20,
          64 << 20,
          KEYS.publicKey());

  private static byte[] golden(String name) throws IOException {
    try (InputStream in = LedgerFormatTest.class.getResourceAsStream("/golden/" + name)) {
      return HexFormat.of().parseHex(new String(in.readAllBytes()).strip());
    }
  }

  @Test
  void encodesTheGoldenLedgerGenerationBitForBitAndDecodesIt() throws Exception {
    byte[] golden = golden("ledger-generation-v1.hex");
    assertThat(GENERATION.encode(KEYS)).isEqualTo(golden);
    assertThat(LedgerGeneration.decode(golden, KEYS.publicKey())).isEqualTo(GENERATION);
  }

  @Test
  void encodesTheGoldenLockBitForBitAndDecodesIt() throws Exception {
    byte[] golden = golden("lock-v1.hex");
    assertThat(LOCK.encode(KEYS)).isEqualTo(golden);
    assertThat(LockFile.decode(golden, KEYS.publicKey())).isEqualTo(LOCK);
  }

  @Test
  void encodesTheGoldenVersion2ConfigBitForBitAndStillReadsVersion1() throws Exception {
    byte[] golden = golden("config-v2.hex");
    assertThat(CONFIG_V2.encode(KEYS)).isEqualTo(golden);
    assertThat(RepositoryConfig.decode(golden)).isEqualTo(CONFIG_V2);
    assertThat(RepositoryConfig.decode(golden).keepsLedger()).isTrue();

    RepositoryConfig v1 =
        new RepositoryConfig(
            REPO,
            CONFIG_V2.createdAt(),
            256 << 10,
            1 << 20,
            4 << 20,
            64 << 20,
            KEYS.publicKey(),
            false);
    byte[] bytes = v1.encode(KEYS);
    assertThat(bytes[5]).isEqualTo((byte) 1);
    assertThat(RepositoryConfig.decode(bytes).keepsLedger()).isFalse();
  }

  @Test
  void everyFlippedByteOfAGenerationOrLockIsRefused() throws Exception {
    for (byte[] good : List.of(GENERATION.encode(KEYS), LOCK.encode(KEYS))) {
      for (int i = 0; i < good.length; i++) {
        byte[] bad = good.clone();
        bad[i] ^= 0x01;
        boolean lock = good.length != GENERATION.encode(KEYS).length;
        assertThatThrownBy(
                () -> {
                  if (lock) {
                    LockFile.decode(bad, KEYS.publicKey());
                  } else {
                    LedgerGeneration.decode(bad, KEYS.publicKey());
                  }
                })
            .isInstanceOf(FormatException.class);
      }
    }
  }

  @Test
  void aGenerationSignedByAnotherKeyOrTruncatedOrExtendedIsRefused() throws Exception {
    MasterKeys other = MasterKeys.generate(REPO, new SecureRandom());
    byte[] foreign = GENERATION.encode(other);
    assertThatThrownBy(() -> LedgerGeneration.decode(foreign, KEYS.publicKey()))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("signature");
    byte[] good = GENERATION.encode(KEYS);
    byte[] shorter = java.util.Arrays.copyOf(good, good.length - 1);
    byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
    assertThatThrownBy(() -> LedgerGeneration.decode(shorter, KEYS.publicKey()))
        .isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> LedgerGeneration.decode(longer, KEYS.publicKey()))
        .isInstanceOf(FormatException.class);
  }

  @Test
  void aCheckpointRecordsNoRemovals() {
    assertThatThrownBy(
            () ->
                new LedgerGeneration(
                    REPO,
                    1,
                    new byte[32],
                    Instant.EPOCH,
                    LedgerGeneration.Kind.CHECKPOINT,
                    List.of(new LedgerGeneration.SnapshotRemoved(new SnapshotId("5b".repeat(32))))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Writes the golden vectors: run once, by hand, for a new format version. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.writeString(
        dir.resolve("ledger-generation-v1.hex"),
        HexFormat.of().formatHex(GENERATION.encode(KEYS)) + "\n");
    Files.writeString(
        dir.resolve("lock-v1.hex"), HexFormat.of().formatHex(LOCK.encode(KEYS)) + "\n");
    Files.writeString(
        dir.resolve("config-v2.hex"), HexFormat.of().formatHex(CONFIG_V2.encode(KEYS)) + "\n");
  }
}
