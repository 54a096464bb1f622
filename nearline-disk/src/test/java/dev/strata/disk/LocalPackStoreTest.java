package dev.strata.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPackStoreTest extends PackStoreConformance {
  @TempDir Path dir;

  private final MutableClock clock = new MutableClock();
  private final SplittableRandom random = new SplittableRandom(7);

  private Path storeDir() {
    return dir.resolve("store");
  }

  @Override
  protected PackStore store() throws IOException {
    return LocalPackStore.initialise(storeDir(), clock, random);
  }

  @Override
  protected Instant now() {
    return clock.instant();
  }

  @Override
  protected void advanceClock(Duration d) {
    clock.advance(d);
  }

  private LocalTestLocations locations;

  @Override
  protected URI freshLocation() {
    if (locations == null) {
      locations = new LocalTestLocations(dir);
    }
    return locations.fresh();
  }

  @Override
  protected void writeForeign(URI location, String relative, byte[] data) throws IOException {
    LocalTestLocations.writeForeign(location, relative, data);
  }

  @Override
  protected Map<String, String> snapshot(URI location) throws IOException {
    return LocalTestLocations.snapshot(location);
  }

  @Override
  protected StoreSettings settings() {
    return StoreSettings.defaults(clock, new SplittableRandom(3));
  }

  private LocalPackStore reopen() throws IOException {
    return LocalPackStore.open(storeDir(), clock, random);
  }

  @Test
  void refusesToOpenWhereThereIsNoDirectoryAndCreatesNone() {
    assertThatThrownBy(() -> LocalPackStore.open(dir.resolve("gone"), clock, random))
        .isInstanceOf(StoreException.NotAStore.class)
        .hasMessageContaining("there is no directory");
    assertThat(dir.resolve("gone")).doesNotExist();
  }

  @Test
  void anEmptyDirectoryIsNoStoreUntilInitialisedAndStaysEmpty() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Map<String, String> before = LocalTestLocations.tree(dir);
    assertThatThrownBy(() -> LocalPackStore.open(empty, clock, random))
        .isInstanceOf(StoreException.NotAStore.class)
        .hasMessageContaining("has no strata-store marker");
    assertThat(LocalTestLocations.tree(dir)).isEqualTo(before);
    LocalPackStore s = LocalPackStore.initialise(empty, clock, random);
    try (Stream<Path> entries = Files.list(empty)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("strata-store", "packs", "retention", "tmp");
    }
    assertThat(Files.readString(empty.resolve("strata-store"), StandardCharsets.US_ASCII))
        .isEqualTo(new String(s.marker().encode(), StandardCharsets.US_ASCII))
        .startsWith("STRATA-PACK-STORE\nversion=1\nid=" + s.marker().id() + "\n");
  }

  /**
   * Issue 10: probing a disk target created the store's layout in any directory and deleted old
   * files in its {@code tmp/}. Now a directory of someone else's files stays exactly as it was.
   */
  @Test
  void probingADirectoryThatIsNoStoreLeavesEveryFileAndDirectoryAsItWas() throws Exception {
    Path foreign = Files.createDirectory(dir.resolve("foreign"));
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    Files.createDirectories(foreign.resolve("tmp/sub"));
    Files.writeString(foreign.resolve("tmp/old.log"), "an old log");
    Files.writeString(foreign.resolve("tmp/put-1.part"), "looks like an upload");
    Files.createSymbolicLink(foreign.resolve("link"), Path.of("/etc/hostname"));
    FileTime old = FileTime.from(clock.instant().minus(Duration.ofDays(30)));
    try (Stream<Path> all = Files.walk(foreign)) {
      for (Path p : all.toList()) {
        if (!Files.isSymbolicLink(p)) {
          Files.setLastModifiedTime(p, old);
        }
      }
    }
    Map<String, String> before = LocalTestLocations.tree(dir);
    StoreSettings settings = StoreSettings.defaults(clock, new SplittableRandom(1));
    assertThatThrownBy(
            () -> {
              try (PackStores.Opened o = PackStores.open(foreign.toUri(), settings)) {
                new StoreProbe(new SplittableRandom(2), 1024).probe(o.store());
              }
            })
        .isInstanceOf(StoreException.NotAStore.class)
        .hasMessageContaining(foreign.toString());
    assertThatThrownBy(() -> PackStores.initialise(foreign.toUri(), settings))
        .isInstanceOf(StoreException.NotEmpty.class)
        .hasMessageContaining("link, notes.txt, tmp");
    assertThat(LocalTestLocations.tree(dir)).isEqualTo(before);
  }

  /** Issue 10: opening a store deleted every file in {@code tmp/} older than an hour. */
  @Test
  void cleanUpNeverDeletesAForeignFileInTmp() throws Exception {
    store();
    Path tmp = storeDir().resolve("tmp");
    Files.writeString(tmp.resolve("notes.txt"), "someone's notes");
    Files.writeString(tmp.resolve("put-0123456789abcdeg.part"), "not quite our name");
    Files.writeString(tmp.resolve("put-0123456789abcdef.part.bak"), "not our name either");
    Files.createDirectory(tmp.resolve("put-fedcba9876543210.part"));
    Files.createSymbolicLink(tmp.resolve("put-00112233445566ff.part"), dir.resolve("elsewhere"));
    Files.writeString(dir.resolve("elsewhere"), "outside the store");
    Path own = Files.writeString(tmp.resolve("put-0011223344556677.part"), "ours, abandoned");
    FileTime old = FileTime.from(clock.instant().minus(Duration.ofDays(2)));
    try (Stream<Path> all = Files.list(tmp)) {
      for (Path p : all.toList()) {
        if (!Files.isSymbolicLink(p)) {
          Files.setLastModifiedTime(p, old);
        }
      }
    }
    Map<String, String> foreign = LocalTestLocations.tree(tmp);
    foreign.remove("/" + tmp.relativize(own));
    foreign.remove("/");
    reopen();
    assertThat(own).doesNotExist();
    Map<String, String> after = LocalTestLocations.tree(tmp);
    after.remove("/");
    assertThat(after).isEqualTo(foreign);
    assertThat(dir.resolve("elsewhere")).hasContent("outside the store");
  }

  /** A store written before markers existed is still a store: opened, and marked on the way. */
  @Test
  void opensAndMarksADirectoryLaidOutByAStrataFromBeforeMarkers() throws Exception {
    Path old = dir.resolve("old");
    PackName name = PackName.of("data/ab/pack");
    String shard =
        java.util.HexFormat.of()
            .toHexDigits(
                Sha256.newDigest().digest(name.value().getBytes(StandardCharsets.UTF_8))[0]);
    Files.createDirectories(old.resolve("packs").resolve(shard));
    Files.write(old.resolve("packs").resolve(shard).resolve("data~ab~pack"), bytes(10, 1));
    Files.createDirectories(old.resolve("tmp"));
    Path leftover = Files.writeString(old.resolve("tmp/put-4711.part"), "old upload");
    Files.setLastModifiedTime(leftover, FileTime.from(clock.instant().minus(Duration.ofHours(2))));

    LocalPackStore s = LocalPackStore.open(old, clock, random);
    assertThat(read(s.get(name))).isEqualTo(bytes(10, 1));
    assertThat(old.resolve("strata-store")).exists();
    assertThat(leftover).doesNotExist();
    assertThat(LocalPackStore.open(old, clock, random).marker()).isEqualTo(s.marker());
  }

  @Test
  void aDirectoryThatOnlyResemblesAnOldStoreIsNoStore() throws Exception {
    Path lookalike = dir.resolve("lookalike");
    Files.createDirectories(lookalike.resolve("packs/00"));
    Files.writeString(
        lookalike.resolve("packs/00/photo.jpg"), "not in the shard its name hashes to");
    Files.createDirectories(lookalike.resolve("tmp"));
    Map<String, String> before = LocalTestLocations.tree(dir);
    assertThatThrownBy(() -> LocalPackStore.open(lookalike, clock, random))
        .isInstanceOf(StoreException.NotAStore.class);
    assertThatThrownBy(() -> LocalPackStore.initialise(lookalike, clock, random))
        .isInstanceOf(StoreException.NotEmpty.class);
    assertThat(LocalTestLocations.tree(dir)).isEqualTo(before);
  }

  @Test
  void aDamagedMarkerIsReportedAndNothingIsTouched() throws Exception {
    store();
    Path marker = storeDir().resolve("strata-store");
    Files.writeString(marker, "STRATA-PACK-STORE\nversion=2\nid=x\n");
    Map<String, String> before = LocalTestLocations.tree(dir);
    assertThatThrownBy(this::reopen)
        .isInstanceOf(StoreException.NotAStore.class)
        .hasMessageContaining("format version 2");
    assertThatThrownBy(() -> LocalPackStore.initialise(storeDir(), clock, random))
        .isInstanceOf(StoreException.NotAStore.class);
    assertThat(LocalTestLocations.tree(dir)).isEqualTo(before);
  }

  @Test
  void aMarkerWriteCutOffByACrashDoesNotBlockTheNextInitialise() throws Exception {
    Path d = Files.createDirectory(dir.resolve("half"));
    Files.writeString(d.resolve(".strata-store4242.tmp"), "STRATA-PACK-ST");
    LocalPackStore s = LocalPackStore.initialise(d, clock, random);
    assertThat(LocalPackStore.open(d, clock, random).marker()).isEqualTo(s.marker());
  }

  @Test
  void refusesToInitialiseWhereAFileIs() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> LocalPackStore.initialise(file, clock, random))
        .isInstanceOf(StoreException.NotEmpty.class)
        .hasMessageContaining("not a directory");
    assertThat(file).hasContent("x");
  }

  /** A vanished target (an unmounted disk, a deleted directory) fails; it never grows back. */
  @Test
  void aStoreWhoseDirectoryVanishedFailsAndDoesNotRecreateIt() throws Exception {
    PackStore s = store();
    put(s, "first", bytes(10, 1));
    org.apache.commons.io.file.PathUtils.deleteDirectory(storeDir());
    assertThatThrownBy(() -> put(s, "second", bytes(10, 2))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> s.retain(PackName.of("first"), clock.instant().plusSeconds(10)))
        .isInstanceOf(IOException.class);
    assertThat(storeDir()).doesNotExist();
    assertThatThrownBy(this::reopen).isInstanceOf(StoreException.NotAStore.class);
    assertThat(storeDir()).doesNotExist();
  }

  @Test
  void removesOldUploadsOfEarlierVersionsButNotYoungOnes() throws Exception {
    store();
    Path leftover = Files.writeString(storeDir().resolve("tmp/put-1.part"), "half a pack");
    Files.setLastModifiedTime(leftover, FileTime.from(clock.instant().minusSeconds(3601)));
    Path running = Files.writeString(storeDir().resolve("tmp/put-2.part"), "being written");
    Files.setLastModifiedTime(running, FileTime.from(clock.instant().minusSeconds(60)));
    reopen();
    assertThat(leftover).doesNotExist();
    assertThat(running).exists();
  }

  /**
   * An upload in progress holds its lock: opening the store again leaves it alone, in this process
   * and in another one — also after this process opened it (on Linux, closing any descriptor of a
   * file drops the process's locks on it, so a clean-up must not even open its own uploads).
   */
  @Test
  void anUploadInProgressSurvivesAnotherOpenOfTheStore() throws Exception {
    PackStore s = store();
    byte[] data = bytes(3 << 20, 5);
    CountDownLatch halfway = new CountDownLatch(1);
    CountDownLatch resume = new CountDownLatch(1);
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<PackInfo> put =
          writer.submit(
              () ->
                  s.put(
                      PackName.of("slow"),
                      () -> new PausingStream(data, data.length / 2, halfway, resume),
                      data.length,
                      Sha256.digest(data)));
      assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(uploads()).hasSize(1);
      reopen();
      assertThat(uploads()).as("the live upload is kept").hasSize(1);
      Process other = child("open");
      assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(other.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
      assertThat(uploads()).as("kept by another process's open too").hasSize(1);
      resume.countDown();
      put.get(30, TimeUnit.SECONDS);
    } finally {
      resume.countDown();
      writer.shutdownNow();
    }
    assertThat(read(s.get(PackName.of("slow")))).isEqualTo(data);
    assertThat(uploads()).isEmpty();
  }

  /**
   * Issue 10: a killed backup left its {@code .part} files in {@code tmp/} for an hour. Another
   * process's upload is kept while its writer lives, and removed by the next open once it died.
   */
  @Test
  void theNextOpenRemovesTheUploadOfAKilledWriter() throws Exception {
    store();
    Process child = child();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (uploads().isEmpty() || Files.size(uploads().get(0)) < StalledPut.BEFORE_STALL) {
        assertThat(child.isAlive()).as(Files.readString(dir.resolve("child.log"))).isTrue();
        assertThat(System.nanoTime()).as("the child starts its upload").isLessThan(deadline);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      }
      reopen();
      assertThat(uploads()).as("kept while its writer lives").hasSize(1);
    } finally {
      child.destroyForcibly(); // SIGKILL: no clean-up of its own
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(uploads()).as("left behind by the killed writer").hasSize(1);
    reopen();
    assertThat(uploads()).isEmpty();
    assertThat(reopen().list("", Optional.empty(), 10).packs()).isEmpty();
  }

  /** Starts {@link StalledPut} on the store in a child JVM. */
  private Process child(String... args) throws IOException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                StalledPut.class.getName(),
                storeDir().toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
  }

  private List<Path> uploads() throws IOException {
    try (Stream<Path> all = Files.list(storeDir().resolve("tmp"))) {
      return all.toList();
    }
  }

  /** A stream that stops after {@code pauseAt} bytes until told to go on. */
  private static final class PausingStream extends InputStream {
    private final byte[] data;
    private final int pauseAt;
    private final CountDownLatch paused;
    private final CountDownLatch resume;
    private int pos;

    PausingStream(byte[] data, int pauseAt, CountDownLatch paused, CountDownLatch resume) {
      this.data = data;
      this.pauseAt = pauseAt;
      this.paused = paused;
      this.resume = resume;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos == pauseAt) {
        paused.countDown();
        try {
          if (!resume.await(60, TimeUnit.SECONDS)) {
            throw new IOException("not resumed");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
      }
      if (pos == data.length) {
        return -1;
      }
      int limit = pos < pauseAt ? pauseAt : data.length;
      int n = Math.min(len, limit - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  @Test
  void shardsPacksAndKeepsNamesWithSlashes() throws Exception {
    PackStore s = store();
    put(s, "data/ab/pack", bytes(10, 1));
    try (var files = Files.walk(storeDir().resolve("packs"))) {
      assertThat(files.filter(Files::isRegularFile))
          .singleElement()
          .satisfies(p -> assertThat(p.getFileName().toString()).isEqualTo("data~ab~pack"))
          .satisfies(
              p -> assertThat(p.getParent().getFileName().toString()).matches("[0-9a-f]{2}"));
    }
  }

  @Test
  void anUnreadableRetentionLockKeepsThePackLocked() throws Exception {
    PackStore s = store();
    put(s, "p", bytes(10, 2));
    s.retain(PackName.of("p"), clock.instant().plusSeconds(10));
    try (var locks = Files.walk(storeDir().resolve("retention"))) {
      Path lock = locks.filter(Files::isRegularFile).findFirst().orElseThrow();
      DurableFiles.write(lock, ByteBuffer.wrap("garbage".getBytes()));
    }
    advanceClock(Duration.ofDays(365));
    assertThatThrownBy(() -> s.delete(PackName.of("p")))
        .isInstanceOf(StoreException.RetentionLocked.class);
  }

  @Test
  void aReadOnlyStoreFailsTheProbeWithAReason() throws Exception {
    PackStore s = store();
    Path packs = storeDir().resolve("tmp");
    packs.toFile().setWritable(false);
    try {
      ProbeReport r = new StoreProbe(new SplittableRandom(1), 1024).probe(s);
      if (Files.isWritable(packs)) {
        assertThat(r.verified()).isTrue(); // root ignores permissions; the probe must still pass
      } else {
        assertThat(r.verified()).isFalse();
        assertThat(r.detail()).startsWith("probe failed");
      }
    } finally {
      packs.toFile().setWritable(true);
    }
    assertThat(s.list("", Optional.empty(), 5).packs()).isEmpty();
  }

  @Test
  void durableWriteReplacesAtomicallyAndLeavesNoTemporaryFile() throws Exception {
    Path target = dir.resolve("f");
    DurableFiles.write(target, ByteBuffer.wrap(new byte[] {1, 2, 3}));
    DurableFiles.write(target, ByteBuffer.wrap(new byte[] {4, 5}));
    assertThat(Files.readAllBytes(target)).containsExactly(4, 5);
    assertThatThrownBy(() -> DurableFiles.writeNew(target, ByteBuffer.wrap(new byte[] {6})))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    assertThat(Files.readAllBytes(target)).containsExactly(4, 5);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void refusesNamesThatCouldEscapeTheStore() {
    for (String bad :
        new String[] {"", "/abs", "a//b", "a/../b", "..", ".", "a b", "a\\b", "x".repeat(256)}) {
      assertThatThrownBy(() -> PackName.of(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(PackName.of(".strata-probe/0a1b").value()).isEqualTo(".strata-probe/0a1b");
  }
}
