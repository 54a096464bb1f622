package dev.strata.agent.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.Trees;
import dev.strata.disk.PackStores;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupTest {
  @TempDir Path dir;

  @Test
  void streamsAFileLargerThanTheBytesAllowedInFlight() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    try (OutputStream out = Files.newOutputStream(src.resolve("large.bin"))) {
      for (int i = 0; i < 80; i++) {
        out.write(Trees.random(1 << 20, i)); // 80 MiB, more than the 48 MiB in flight
      }
    }
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repository repo = Repos.init(store.store());
      Backup.Result r = Repos.backup(repo, dir).run(List.of(src), new BackupStats());
      assertThat(r.snapshot().bytes()).isEqualTo(80L << 20);
      Path target = dir.resolve("out");
      new Restore(Repos.open(store.store()), 2, false).run(r.snapshot(), target, List.of(), false);
      assertThat(Trees.restored(target, src).resolve("large.bin"))
          .hasSameBinaryContentAs(src.resolve("large.bin"));
    }
  }

  @Test
  void streamsAFileOfMoreThanFourGiB() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path big = src.resolve("big.img");
    long size = (4L << 30) + (3 << 20) + 5;
    try (var ch =
        java.nio.channels.FileChannel.open(
            big, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
      // Sparse: data at the start, across the 4 GiB mark and at the end; zeros between.
      ch.write(java.nio.ByteBuffer.wrap(Trees.random(1 << 20, 1)), 0);
      ch.write(java.nio.ByteBuffer.wrap(Trees.random(1 << 20, 2)), (4L << 30) - (1 << 19));
      ch.write(java.nio.ByteBuffer.wrap(Trees.random(5, 3)), size - 5);
    }
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repository repo = Repos.init(store.store());
      Backup.Result r = Repos.backup(repo, dir).run(List.of(src), new BackupStats());
      assertThat(r.snapshot().bytes()).isEqualTo(size);
      Path target = dir.resolve("out");
      new Restore(Repos.open(store.store()), 2, false).run(r.snapshot(), target, List.of(), false);
      Path restored = Trees.restored(target, src).resolve("big.img");
      assertThat(Files.size(restored)).isEqualTo(size);
      assertThat(Trees.sha(restored)).isEqualTo(Trees.sha(big));
    }
  }

  /**
   * The packs a snapshot names (what the control center keeps for it) are exactly those its trees
   * reach: reused ones included, those only other snapshots need left out.
   */
  @Test
  void aSnapshotNamesThePacksItsTreesReachAndNoOthers() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    Files.write(a.resolve("only-a.bin"), Trees.random(3 << 20, 1));
    Files.write(a.resolve("a-unique.bin"), Trees.random(3 << 20, 3));
    Files.write(b.resolve("only-b.bin"), Trees.random(3 << 20, 2));
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repository repo = Repos.init(store.store());
      Backup.Result first = Repos.backup(repo, dir).run(List.of(a), new BackupStats());
      java.util.Set<dev.strata.disk.PackName> before = new java.util.HashSet<>();
      repo.packs().forEach(p -> before.add(p.name()));
      Files.write(b.resolve("copy-of-a.bin"), Files.readAllBytes(a.resolve("only-a.bin")));
      Backup.Result second = Repos.backup(repo, dir).run(List.of(b), new BackupStats());

      java.util.Set<dev.strata.disk.PackName> reached = new java.util.TreeSet<>();
      java.util.Map<dev.strata.format.repo.BlobId, BlobLocation> index =
          repo.loadIndex(new java.util.HashMap<>());
      for (Backup.Result r : List.of(first, second)) {
        reached.clear();
        TreeReader trees = new TreeReader(repo, index, r.snapshot().trees());
        r.snapshot().trees().forEach(t -> reached.add(index.get(t).pack()));
        for (var e = trees.next(); e.isPresent(); e = trees.next()) {
          e.get().chunks().forEach(c -> reached.add(index.get(c).pack()));
        }
        assertThat(r.packs()).as("snapshot %s", r.id()).isEqualTo(reached);
      }
      // the second reuses the first's data of only-a.bin; the first needs nothing written after it
      assertThat(second.packs()).containsAnyElementsOf(first.packs());
      assertThat(before).containsAll(first.packs());
      assertThat(second.packs()).hasSizeLessThan(repo.packs().size());
    }
  }

  @Test
  void nestedAndRepeatedPathsAreBackedUpOnce() throws Exception {
    Path src = Trees.mixed(dir);
    assertThat(Backup.roots(List.of(src.resolve("sub"), src, src.resolve("sub/deeper"), src)))
        .containsExactly(src.toString());
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repository repo = Repos.init(store.store());
      Backup.Result r =
          Repos.backup(repo, dir).run(List.of(src.resolve("sub"), src), new BackupStats());
      assertThat(r.snapshot().paths()).containsExactly(src.toString());
      Path target = dir.resolve("out");
      new Restore(Repos.open(store.store()), 2, false).run(r.snapshot(), target, List.of(), false);
      Trees.assertSameTree(src, Trees.restored(target, src));
    }
  }
}
