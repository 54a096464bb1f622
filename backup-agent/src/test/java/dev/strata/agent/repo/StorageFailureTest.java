package dev.strata.agent.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.strata.agent.Trees;
import dev.strata.disk.PackStores;
import dev.strata.disk.StoreOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A storage failure in any stage of the backup pipeline ends the backup with an error in bounded
 * time, leaves no spool file behind and no snapshot in the repository, and the repository still
 * checks clean.
 */
class StorageFailureTest {
  /** Far above what a failing backup of a few MiB needs; a hang ends the test here. */
  private static final Duration BOUND = Duration.ofSeconds(60);

  @TempDir Path dir;

  /**
   * Enough data that, with one slow sealing worker, the queue holds many chunks not sealed yet when
   * the store fails: the state in which the old pipeline waited forever.
   */
  private Path source() throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    for (int i = 0; i < 6; i++) {
      Files.write(src.resolve("f" + i), Trees.random(3 << 20, 40 + i));
    }
    return src;
  }

  private static List<Path> filesIn(Path d) throws IOException {
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.toList();
    }
  }

  @ParameterizedTest(name = "the store refuses every write after {0} packs")
  @ValueSource(ints = {0, 1, 3})
  void aStoreThatFillsUpEndsTheBackupWithAnErrorAndNoSpoolFileLeft(int packsStored)
      throws Exception {
    Path src = source();
    Path spool = Files.createDirectories(dir.resolve("spool"));
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repos.init(store.store());
      store.faults().orElseThrow().failAfter(StoreOperation.PUT, packsStored);
      Backup backup =
          new Backup(Repos.open(store.store()), spool, 1, Clock.systemUTC(), "host", "user");

      assertTimeoutPreemptively(
          BOUND,
          () ->
              assertThatThrownBy(() -> backup.run(List.of(src), new BackupStats()))
                  .isInstanceOf(IOException.class)
                  .hasMessageContaining("no snapshot was written")
                  .hasMessageContaining("injected fault in PUT"));

      assertThat(filesIn(spool)).isEmpty();
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
      store.faults().orElseThrow().clearFailures();
      Repository repo = Repos.open(store.store());
      assertThat(repo.snapshots()).isEmpty();
      assertThat(new Check(repo, 2).run(true).problems()).isEmpty();
    }
  }

  @Test
  void anUploadCutOffOnEveryAttemptEndsTheBackupWithAnError() throws Exception {
    Path src = source();
    Path spool = Files.createDirectories(dir.resolve("spool"));
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repos.init(store.store());
      store.faults().orElseThrow().cutPutsAfter(100_000);
      Backup backup =
          new Backup(Repos.open(store.store()), spool, 1, Clock.systemUTC(), "host", "user");

      assertTimeoutPreemptively(
          BOUND,
          () ->
              assertThatThrownBy(() -> backup.run(List.of(src), new BackupStats()))
                  .isInstanceOf(IOException.class)
                  .hasMessageContaining("upload cut off"));
      assertThat(filesIn(spool)).isEmpty();
    }
  }

  @Test
  void aSpoolDirectoryThatCannotBeWrittenEndsTheBackupWithAnError() throws Exception {
    Path src = source();
    Path spool = dir.resolve("no-such-spool-dir");
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repos.init(store.store());
      Backup backup =
          new Backup(Repos.open(store.store()), spool, 1, Clock.systemUTC(), "host", "user");

      assertTimeoutPreemptively(
          BOUND,
          () ->
              assertThatThrownBy(() -> backup.run(List.of(src), new BackupStats()))
                  .isInstanceOf(IOException.class)
                  .hasMessageContaining("no snapshot was written")
                  .hasMessageContaining(spool.toString()));
      assertThat(Repos.open(store.store()).snapshots()).isEmpty();
    }
  }

  @Test
  void aFailureAfterThePacksWereStoredEndsTheBackupWithAnErrorAndNoSpoolFileLeft()
      throws Exception {
    Path src = Files.createDirectories(dir.resolve("small"));
    Files.write(src.resolve("one"), Trees.random(100_000, 7));
    Path spool = Files.createDirectories(dir.resolve("spool"));
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repos.init(store.store());
      Repository repo = Repos.open(store.store());
      // One pack holds the file and its tree; every write after it fails.
      store.faults().orElseThrow().failAfter(StoreOperation.PUT, 1);
      Backup backup = new Backup(repo, spool, 1, Clock.systemUTC(), "host", "user");
      assertTimeoutPreemptively(
          BOUND,
          () ->
              assertThatThrownBy(() -> backup.run(List.of(src), new BackupStats()))
                  .isInstanceOf(IOException.class)
                  .hasMessageContaining("injected fault in PUT"));
      assertThat(filesIn(spool)).isEmpty();
      store.faults().orElseThrow().clearFailures();
      assertThat(Repos.open(store.store()).snapshots()).isEmpty();
    }
  }

  /** Refuses to store ledger generations while {@code failing}. */
  private static final class LedgerRefusing extends dev.strata.disk.PackStoreWrapper {
    volatile boolean failing = true;

    LedgerRefusing(dev.strata.disk.PackStore delegate) {
      super(delegate);
    }

    @Override
    protected <T> T around(StoreOperation op, String subject, Call<T> call) throws IOException {
      if (failing && op == StoreOperation.PUT && subject.startsWith("ledger/")) {
        throw new IOException("injected fault: no space for the ledger");
      }
      return call.run();
    }
  }

  @Test
  void aSnapshotWrittenButNotRecordedIsReportedAsSuchAndTheNextBackupRecordsIt() throws Exception {
    Path src = Files.createDirectories(dir.resolve("small"));
    Files.write(src.resolve("one"), Trees.random(100_000, 7));
    try (PackStores.Opened opened = Repos.store(dir.resolve("repo"))) {
      Repos.init(opened.store());
      LedgerRefusing store = new LedgerRefusing(opened.store());
      assertThatThrownBy(
              () -> Repos.backup(Repos.open(store), dir).run(List.of(src), new BackupStats()))
          .isInstanceOf(RepositoryException.class)
          .hasMessageContaining("was written, but not recorded in the ledger")
          .hasMessageContaining("no space for the ledger");
      assertThat(Repos.open(store).snapshots()).hasSize(1);
      assertThat(Repository.list(store, RepositoryLock.LOCKS)).isEmpty();

      store.failing = false;
      Backup.Result next =
          Repos.backup(Repos.open(store), dir).run(List.of(src), new BackupStats());
      assertThat(next.snapshot().sequence()).isEqualTo(2);
      assertThat(new Check(Repository.openKeyless(store), 2).run(false).problems()).isEmpty();
    }
  }
}
