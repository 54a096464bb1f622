package dev.strata.node.tape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.disk.LocalPackStore;
import dev.strata.disk.Sha256;
import dev.strata.format.VolumeLabel;
import dev.strata.format.repo.BlobCipher;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.BlobType;
import dev.strata.format.repo.Compression;
import dev.strata.format.repo.MasterKeys;
import dev.strata.format.repo.PackWriter;
import dev.strata.format.repo.RepositoryId;
import dev.strata.node.packs.PackId;
import dev.strata.node.packs.TenantId;
import dev.strata.node.packs.TenantPacks;
import dev.strata.tape.CartridgeType;
import dev.strata.tape.volume.TapeVolumeReader;
import dev.strata.tape.volume.TapeVolumeWriter;
import dev.strata.vtl.LibraryConfig;
import dev.strata.vtl.VirtualLibrary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tape writer against a virtual library with small cartridges (64 MB): spanning at early
 * warning, appending to the pool's filling cartridge, pools on their own cartridges, foreign
 * cartridges left alone, recall in tape order.
 */
class TapeServiceTest {
  static final TenantId ACME = TenantId.of("acme");
  static final int PACK = 6 << 20;

  @TempDir Path dir;
  final SecureRandom random = new SecureRandom();
  final MasterKeys keys = MasterKeys.generate(RepositoryId.random(random), random);
  TenantPacks landing;
  TapeService tape;
  NodeLibrary library;

  @BeforeEach
  void open() throws Exception {
    // 64 MB cartridges: a dozen 6 MiB packs fill one and span onto the next.
    VirtualLibrary.create(
        dir.resolve("vtl"),
        new LibraryConfig("lib1", 2, 12, 2, CartridgeType.LTO9, 8, 0, "TST", 64e6 / 18e12, 1));
    library = TapeLibraryOpener.defaults().open("lib1", dir.resolve("vtl").toString());
    landing =
        new TenantPacks(
            LocalPackStore.initialise(
                Files.createDirectories(dir.resolve("landing")),
                Clock.systemUTC(),
                new java.security.SecureRandom()));
    tape =
        new TapeService(
            List.of(library),
            new TapeStaging(
                LocalPackStore.initialise(
                    Files.createDirectories(dir.resolve("staging")),
                    Clock.systemUTC(),
                    new java.security.SecureRandom()),
                dir.resolve("tasks")),
            dir.resolve("state"),
            new StreamingGovernor(1L << 40, Duration.ofDays(1)),
            256 << 10,
            177_000_000L,
            Clock.systemUTC(),
            random);
  }

  private PackId land(long seed) throws Exception {
    BlobCipher cipher = keys.cipher(random);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PackWriter w = new PackWriter(out, keys, cipher);
    byte[] data = new byte[PACK];
    new SplittableRandom(seed).nextBytes(data);
    BlobId id = keys.idHasher().id(data, 0, data.length);
    w.add(
        BlobType.DATA,
        id,
        cipher.seal(BlobType.DATA, id, data, 0, data.length),
        data.length,
        Compression.NONE);
    w.finish();
    byte[] pack = out.toByteArray();
    PackId p = PackId.of(MessageDigest.getInstance("SHA-256").digest(pack));
    landing
        .store()
        .put(
            TenantPacks.name(ACME, p),
            () -> new ByteArrayInputStream(pack),
            pack.length,
            p.sha256());
    return p;
  }

  private List<PackId> stage(String pool, int n, long seed) throws Exception {
    List<PackId> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      PackId p = land(seed + i);
      tape.stage(landing, ACME, p, pool);
      out.add(p);
    }
    return out;
  }

  @Test
  void holdsABatchUntilItIsDueThenSpansAtEarlyWarningAndReportsEveryPiece() throws Exception {
    List<PackId> packs = stage("gold", 12, 1);
    assertThat(tape.writeDueBatches()).as("nothing is due: the drive stays free").isEmpty();
    tape.flush("gold");
    tape.writeDueBatches();
    List<TapeCopy> all = new ArrayList<>();
    for (PackId p : packs) {
      List<TapeCopy> whole = tape.journal().wholeCopy(ACME, p, "gold");
      assertThat(whole).as("pack " + p).isNotEmpty();
      all.addAll(whole);
    }
    assertThat(all.stream().map(TapeCopy::barcode).distinct().count()).isGreaterThanOrEqualTo(2);
    assertThat(packs.stream().anyMatch(p -> tape.journal().wholeCopy(ACME, p, "gold").size() == 2))
        .as("one pack spans two cartridges")
        .isTrue();
    String first = all.get(0).barcode();
    assertThat(tape.media().get("lib1", first).orElseThrow().state())
        .isEqualTo(MediaState.State.FULL);
    assertThat(tape.staging().pending()).as("every task completed").isEmpty();
    assertThat(tape.stats().views().get(0).backhitchesWhileStreaming()).isZero();
    assertThat(tape.journal().all()).noneMatch(c -> c.barcode().startsWith("PRB"));
  }

  @Test
  void appendsTheNextBatchToThePoolsFillingCartridge() throws Exception {
    stage("gold", 2, 100);
    tape.flush("gold");
    tape.writeDueBatches();
    List<PackId> more = stage("gold", 2, 200);
    tape.flush("gold");
    tape.writeDueBatches();
    List<TapeCopy> second = tape.journal().wholeCopy(ACME, more.get(1), "gold");
    List<TapeCopy> firstBatch =
        tape.journal().all().stream()
            .filter(c -> !c.pack().equals(more.get(0)) && !c.pack().equals(more.get(1)))
            .toList();
    assertThat(second.get(0).barcode()).isEqualTo(firstBatch.get(0).barcode());
    assertThat(second.get(0).file()).isEqualTo(4);
    assertThat(tape.stats().views().get(0).mounts()).isEqualTo(2);
  }

  @Test
  void keepsEachPoolOnItsOwnCartridgesAndLeavesForeignOnesAlone() throws Exception {
    // Someone else's volume in the first slot: labelled for another pool.
    var lib = (dev.strata.vtl.VirtualTapeLibrary) library.library();
    lib.move(VirtualLibrary.FIRST_SLOT, VirtualLibrary.FIRST_DRIVE);
    var drive = lib.drive(VirtualLibrary.FIRST_DRIVE);
    drive.load();
    TapeVolumeWriter.label(
        drive,
        new VolumeLabel("TST000L9", "payroll", UUID.randomUUID(), Instant.now(), 65536, false));
    drive.unload();
    lib.move(VirtualLibrary.FIRST_DRIVE, VirtualLibrary.FIRST_SLOT);

    PackId g = stage("gold", 1, 300).get(0);
    PackId s = stage("silver", 1, 400).get(0);
    tape.flush("gold");
    tape.flush("silver");
    tape.writeDueBatches();
    String gold = tape.journal().wholeCopy(ACME, g, "gold").get(0).barcode();
    String silver = tape.journal().wholeCopy(ACME, s, "silver").get(0).barcode();
    assertThat(gold).isNotEqualTo(silver).isNotEqualTo("TST000L9");
    assertThat(silver).isNotEqualTo("TST000L9");
    assertThat(tape.media().get("lib1", "TST000L9").orElseThrow().state())
        .isEqualTo(MediaState.State.FOREIGN);
    assertThat(labelOf(gold).pool()).isEqualTo("gold");
    assertThat(labelOf(silver).pool()).isEqualTo("silver");
  }

  private VolumeLabel labelOf(String barcode) throws Exception {
    var lib = (dev.strata.vtl.VirtualTapeLibrary) library.library();
    int slot =
        lib.inventory().stream()
            .filter(e -> e.cartridge().map(b -> b.value().equals(barcode)).orElse(false))
            .findFirst()
            .orElseThrow()
            .address();
    lib.move(slot, VirtualLibrary.FIRST_DRIVE);
    var drive = lib.drive(VirtualLibrary.FIRST_DRIVE);
    drive.load();
    try {
      return new TapeVolumeReader(drive).scan().label();
    } finally {
      drive.unload();
      lib.move(VirtualLibrary.FIRST_DRIVE, slot);
    }
  }

  @Test
  void recallsASpannedPackFromTapeInOneMountPerCartridge() throws Exception {
    List<PackId> packs = stage("gold", 12, 500);
    tape.flush("gold");
    tape.writeDueBatches();
    PackId spanned =
        packs.stream()
            .filter(p -> tape.journal().wholeCopy(ACME, p, "gold").size() == 2)
            .findFirst()
            .orElseThrow();
    byte[] original;
    try (InputStream in = landing.open(ACME, spanned)) {
      original = in.readAllBytes();
    }
    landing.delete(ACME, spanned);
    TapeService.Recalled r = tape.recall(landing, dir.resolve("recall"), ACME, List.of(spanned));
    assertThat(r.packs()).containsExactly(spanned.value());
    assertThat(r.mounts()).isEqualTo(2);
    try (InputStream in = landing.open(ACME, spanned)) {
      assertThat(in.readAllBytes()).isEqualTo(original);
    }
    assertThat(tape.verify(ACME, spanned, "gold").orElseThrow().ok()).isTrue();
  }

  @Test
  void aTornJournalLineIsNeitherReportedNorKept() throws Exception {
    Path f = dir.resolve("j");
    TapeJournal j = TapeJournal.open(f);
    PackId p = PackId.of(Sha256.digest(new byte[] {1}).toString());
    j.append(List.of(new TapeCopy(ACME, p, "gold", "lib1", "TST001L9", 1, 3, 0, 10, 10)));
    Files.writeString(
        f,
        Files.readString(f) + "piece acme " + p + " gold lib1 TST0",
        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
    TapeJournal again = TapeJournal.open(f);
    assertThat(again.all()).hasSize(1);
    again.append(List.of(new TapeCopy(ACME, p, "gold", "lib1", "TST002L9", 1, 3, 0, 10, 10)));
    assertThat(
            TapeJournal.open(f).all().stream().map(TapeCopy::barcode).collect(Collectors.toList()))
        .containsExactly("TST001L9", "TST002L9");
  }

  @Test
  void aWormCartridgeCutOffMidBatchIsClosedAndTheBatchGoesToAFreshOne() throws Exception {
    VirtualLibrary.create(
        dir.resolve("worm"),
        new LibraryConfig("lib2", 1, 6, 0, CartridgeType.LTO9_WORM, 3, 0, "WRM", 64e6 / 18e12));
    NodeLibrary worm = TapeLibraryOpener.defaults().open("lib2", dir.resolve("worm").toString());
    TapeService t =
        new TapeService(
            List.of(worm),
            new TapeStaging(
                LocalPackStore.initialise(
                    dir.resolve("staging2"), Clock.systemUTC(), new SecureRandom()),
                dir.resolve("tasks2")),
            dir.resolve("state2"),
            new StreamingGovernor(1L << 40, Duration.ofDays(1)),
            256 << 10,
            177_000_000L,
            Clock.systemUTC(),
            random);
    PackId first = land(600);
    t.stage(landing, ACME, first, "gold");
    t.flush("gold");
    t.writeDueBatches();
    String used = t.journal().wholeCopy(ACME, first, "gold").get(0).barcode();
    // As after a kill in the middle of the next batch: the cartridge is marked with its start.
    t.media().put("lib2", used, new MediaState.Cartridge("gold", MediaState.State.FILLING, 3));
    PackId second = land(601);
    t.stage(landing, ACME, second, "gold");
    t.flush("gold");
    t.writeDueBatches();
    assertThat(t.media().get("lib2", used).orElseThrow().state()).isEqualTo(MediaState.State.FULL);
    assertThat(t.journal().wholeCopy(ACME, second, "gold").get(0).barcode()).isNotEqualTo(used);
  }
}
