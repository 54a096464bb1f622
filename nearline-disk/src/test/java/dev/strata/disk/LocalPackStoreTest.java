package dev.strata.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPackStoreTest extends PackStoreConformance {
  @TempDir Path dir;

  private final MutableClock clock = new MutableClock();

  @Override
  protected PackStore store() throws IOException {
    return LocalPackStore.open(dir, clock);
  }

  @Override
  protected void advanceClock(Duration d) {
    clock.advance(d);
  }

  @Test
  void refusesToOpenWhereThereIsNoDirectory() {
    assertThatThrownBy(() -> LocalPackStore.open(dir.resolve("gone"), clock))
        .isInstanceOf(NoSuchFileException.class);
  }

  /** A vanished target (an unmounted disk, a deleted directory) fails; it never grows back. */
  @Test
  void aStoreWhoseDirectoryVanishedFailsAndDoesNotRecreateIt() throws Exception {
    PackStore s = store();
    put(s, "first", bytes(10, 1));
    org.apache.commons.io.file.PathUtils.deleteDirectory(dir);
    assertThatThrownBy(() -> put(s, "second", bytes(10, 2))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> s.retain(PackName.of("first"), clock.instant().plusSeconds(10)))
        .isInstanceOf(IOException.class);
    assertThat(dir).doesNotExist();
  }

  @Test
  void removesUploadsLeftBehindByACrashButNotOnesInProgress() throws Exception {
    store();
    Path leftover = Files.writeString(dir.resolve("tmp/put-1.part"), "half a pack");
    Files.setLastModifiedTime(
        leftover, java.nio.file.attribute.FileTime.from(clock.instant().minusSeconds(3601)));
    Path running = Files.writeString(dir.resolve("tmp/put-2.part"), "being written");
    Files.setLastModifiedTime(
        running, java.nio.file.attribute.FileTime.from(clock.instant().minusSeconds(60)));
    LocalPackStore.open(dir, clock);
    assertThat(leftover).doesNotExist();
    assertThat(running).exists();
  }

  @Test
  void shardsPacksAndKeepsNamesWithSlashes() throws Exception {
    PackStore s = store();
    put(s, "data/ab/pack", bytes(10, 1));
    try (var files = Files.walk(dir.resolve("packs"))) {
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
    try (var locks = Files.walk(dir.resolve("retention"))) {
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
    Path packs = dir.resolve("tmp");
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
