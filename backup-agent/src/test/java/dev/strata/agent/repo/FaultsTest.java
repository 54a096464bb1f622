package dev.strata.agent.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.agent.Trees;
import dev.strata.disk.PackStores;
import dev.strata.disk.StoreOperation;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.Snapshot;
import dev.strata.format.repo.TreeEntry;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What faults do to a repository: damaged packs, failing storage, files changing, hostile trees.
 */
class FaultsTest {
  @TempDir Path dir;

  private Path twoFiles() throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.write(src.resolve("a.bin"), Trees.random(600_000, 1));
    Files.write(src.resolve("b.bin"), Trees.random(600_000, 2));
    return src;
  }

  /** The file in the local store that holds {@code pack}. */
  private Path packFile(Path repoDir, String packName) throws IOException {
    String leaf = packName.replace('/', '~');
    try (Stream<Path> s = Files.walk(repoDir)) {
      return s.filter(p -> p.getFileName().toString().equals(leaf)).findFirst().orElseThrow();
    }
  }

  private BlobLocation firstChunkOf(Repository repo, Snapshot s, String suffix) throws Exception {
    Map<BlobId, BlobLocation> index = repo.loadIndex(new HashMap<>());
    TreeReader t = new TreeReader(repo, index, s.trees());
    Optional<TreeEntry> e;
    while ((e = t.next()).isPresent()) {
      if (e.get().path().endsWith(suffix)) {
        return index.get(e.get().chunks().get(0));
      }
    }
    throw new AssertionError("no " + suffix);
  }

  @Test
  void aFlippedByteIsNamedByCheckAndCostsOnlyTheFilesItHits() throws Exception {
    Path src = twoFiles();
    Path repoDir = dir.resolve("repo");
    try (PackStores.Opened store = Repos.store(repoDir)) {
      Repository repo = Repos.init(store.store());
      Backup.Result r = Repos.backup(repo, dir).run(List.of(src), new BackupStats());
      BlobLocation hit = firstChunkOf(repo, r.snapshot(), "a.bin");
      try (RandomAccessFile f =
          new RandomAccessFile(packFile(repoDir, hit.pack().value()).toFile(), "rw")) {
        long at = hit.entry().offset() + 100;
        f.seek(at);
        int b = f.read();
        f.seek(at);
        f.write(b ^ 0x01);
      }

      Check.Result keyless = new Check(Repository.openKeyless(store.store()), 2).run(true);
      assertThat(keyless.ok()).isFalse();
      assertThat(keyless.problems()).anySatisfy(p -> assertThat(p).contains(hit.pack().value()));

      Check.Result keyed = new Check(Repos.open(store.store()), 2).run(true);
      assertThat(keyed.affected()).hasSize(1).allSatisfy(f -> assertThat(f).endsWith("/a.bin"));

      Path target = dir.resolve("out");
      Restore.Result restored =
          new Restore(Repos.open(store.store()), 2, false)
              .run(r.snapshot(), target, List.of(), false);
      Path base = Trees.restored(target, src);
      assertThat(base.resolve("b.bin")).hasSameBinaryContentAs(src.resolve("b.bin"));
      assertThat(base.resolve("a.bin")).doesNotExist();
      assertThat(restored.problems())
          .singleElement()
          .asString()
          .contains("a.bin", "failed authentication");
    }
  }

  @Test
  void aStoreThatFailsMidBackupLeavesARepositoryThatChecksAndTheNextBackupReusesItsPacks()
      throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    for (int i = 0; i < 8; i++) {
      Files.write(src.resolve("f" + i), Trees.random(500_000, 10 + i));
    }
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repository repo = Repos.init(store.store());
      // The disk fills up: the first two packs are stored, every write after them fails.
      store.faults().orElseThrow().failAfter(StoreOperation.PUT, 2);
      Backup backup = Repos.backup(Repos.open(store.store()), dir);
      assertThatThrownBy(() -> backup.run(List.of(src), new BackupStats()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("injected fault in PUT");
      store.faults().orElseThrow().clearFailures();
      assertThat(Repos.open(store.store()).snapshots()).isEmpty();
      assertThat(repo.packs()).hasSize(2);
      assertThat(new Check(Repos.open(store.store()), 2).run(true).problems()).isEmpty();

      BackupStats second = new BackupStats();
      Backup.Result r = Repos.backup(Repos.open(store.store()), dir).run(List.of(src), second);
      assertThat(second.bytesAdded.sum()).isLessThan(8 * 500_000L);
      Path target = dir.resolve("out");
      new Restore(Repos.open(store.store()), 2, false).run(r.snapshot(), target, List.of(), false);
      Trees.assertSameTree(src, Trees.restored(target, src));
    }
  }

  @Test
  void aFileThatChangesWhileReadIsReportedAndStoredAsRead() throws Exception {
    Path src = twoFiles();
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repository repo = Repos.init(store.store());
      Backup backup =
          Repos.backup(repo, dir)
              .afterReading(
                  p -> {
                    if (p.endsWith("a.bin")) {
                      try {
                        Files.write(p, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
                      } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                      }
                    }
                  });
      Backup.Result r = backup.run(List.of(src), new BackupStats());
      assertThat(r.warnings())
          .singleElement()
          .asString()
          .contains("a.bin", "changed while it was read");
      Path target = dir.resolve("out");
      new Restore(Repos.open(store.store()), 2, false).run(r.snapshot(), target, List.of(), false);
      assertThat(Trees.restored(target, src).resolve("a.bin"))
          .hasBinaryContent(Trees.random(600_000, 1));
      assertThat(new Check(repo, 2).run(true).ok()).isTrue();
    }
  }
}
