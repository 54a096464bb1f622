package dev.strata.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.ChildJvm;
import dev.strata.agent.Trees;
import dev.strata.agent.repo.Backup;
import dev.strata.agent.repo.BackupStats;
import dev.strata.agent.repo.Check;
import dev.strata.agent.repo.Repos;
import dev.strata.agent.repo.Repository;
import dev.strata.agent.repo.Restore;
import dev.strata.disk.PackStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup process killed with SIGKILL in the middle leaves a repository that checks clean and has
 * no snapshot; the next backup completes, reusing the packs the killed one stored, and removes the
 * spool files the killed one left in the temporary directory.
 */
class KillDuringBackupTest {
  @TempDir Path dir;

  @Test
  void aKilledBackupLosesNothingAndTheNextOneReusesItsPacksAndRemovesItsSpoolFiles()
      throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    for (int i = 0; i < 32; i++) {
      Files.write(src.resolve("f" + i), Trees.random(4 << 20, 100 + i));
    }
    Path repoDir = dir.resolve("repo");
    try (PackStores.Opened store = Repos.store(repoDir)) {
      Repos.init(store.store());
    }
    ProcessBuilder pb =
        new ProcessBuilder(
            ChildJvm.command(
                StrataCommand.class,
                "backup",
                "--repo",
                repoDir.toString(),
                "--threads",
                "1",
                src.toString()));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    pb.environment().put("STRATA_PASSWORD", new String(Repos.PASS));
    pb.environment().put("TMPDIR", tmp.toString());
    pb.environment().put("HOSTNAME", "host");
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
    Process child = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (packs(repoDir) < 3 || spoolFiles(tmp).isEmpty()) {
      assertThat(child.isAlive()).as("the backup is still running").isTrue();
      assertThat(System.nanoTime()).as("packs appear within 60 s").isLessThan(deadline);
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
    child.destroyForcibly(); // SIGKILL
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<Path> leftovers = spoolFiles(tmp);
    assertThat(leftovers).isNotEmpty();

    try (PackStores.Opened store = Repos.store(repoDir)) {
      Repository repo = Repos.open(store.store());
      assertThat(repo.snapshots()).isEmpty();
      Check.Result check = new Check(repo, 2).run(true);
      assertThat(check.problems()).isEmpty();
      long stored = repo.packs().size();
      assertThat(stored).isGreaterThanOrEqualTo(3);

      BackupStats stats = new BackupStats();
      Backup.Result r = Repos.backup(repo, tmp).run(List.of(src), stats);
      assertThat(stats.bytesAdded.sum()).isLessThan(128L << 20);
      assertThat(spoolFiles(tmp)).isEmpty();
      assertThat(r.notices())
          .anySatisfy(n -> assertThat(n).contains(leftovers.get(0).toString(), "killed"));
      Path target = dir.resolve("out");
      new Restore(Repos.open(store.store()), 2, false).run(r.snapshot(), target, List.of(), false);
      Trees.assertSameTree(src, Trees.restored(target, src));
    }
  }

  private static List<Path> spoolFiles(Path tmp) throws java.io.IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.toList();
    }
  }

  private static long packs(Path repoDir) throws java.io.IOException {
    Path packs = repoDir.resolve("packs");
    if (!Files.isDirectory(packs)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(packs)) {
      return s.filter(p -> p.getFileName().toString().startsWith("data~")).count();
    }
  }
}
