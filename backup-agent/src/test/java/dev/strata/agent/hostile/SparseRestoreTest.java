package dev.strata.agent.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.Trees;
import dev.strata.agent.cli.Cli;
import dev.strata.agent.repo.Backup;
import dev.strata.agent.repo.BackupStats;
import dev.strata.agent.repo.Repos;
import dev.strata.agent.repo.Repository;
import dev.strata.agent.repo.Restore;
import dev.strata.disk.PackStores;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sparse file is restored with its holes, not fully allocated. */
class SparseRestoreTest {
  private static final long SIZE = 64L << 20;

  @TempDir Path dir;

  /** Bytes the file system allocated for {@code p} (st_blocks, as {@code stat} reports it). */
  static long allocated(Path p) throws IOException, InterruptedException {
    Process stat = new ProcessBuilder("stat", "-c", "%b %B", p.toString()).start();
    assertThat(stat.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String[] out =
        new String(stat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
            .trim()
            .split(" ");
    return Long.parseLong(out[0]) * Long.parseLong(out[1]);
  }

  /** 64 MiB with 2 MiB and a few bytes of data, holes between. */
  private Path sparseSource() throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path f = src.resolve("sparse.img");
    try (FileChannel ch =
        FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(Trees.random(1 << 20, 1)), 0);
      ch.write(ByteBuffer.wrap(Trees.random(1 << 20, 2)), 30L << 20);
      ch.write(ByteBuffer.wrap(Trees.random(5, 3)), SIZE - 5);
    }
    return src;
  }

  private Path backupAndRestore(Path src) throws Exception {
    Path target = dir.resolve("target");
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repository repo = Repos.init(store.store());
      Backup.Result b = Repos.backup(repo, dir).run(List.of(src), new BackupStats());
      Restore.Result r =
          new Restore(Repos.open(store.store()), 2, false)
              .run(b.snapshot(), target, List.of(), false);
      assertThat(r.problems()).isEmpty();
    }
    return Trees.restored(target, src).resolve("sparse.img");
  }

  @Test
  void aSparseFileIsRestoredWithItsHoles() throws Exception {
    Path src = sparseSource();
    Path restored = backupAndRestore(src);
    assertThat(Files.size(restored)).isEqualTo(SIZE);
    assertThat(Trees.sha(restored)).isEqualTo(Trees.sha(src.resolve("sparse.img")));
    assertThat(allocated(src.resolve("sparse.img"))).isLessThan(4L << 20);
    assertThat(allocated(restored)).isLessThan(4L << 20);
  }

  @Test
  void theCommandLineRestoresHolesUnlessToldNotTo() throws Exception {
    Path src = sparseSource();
    Cli cli = new Cli(dir.resolve("repo"), "pass");
    assertThat(cli.run("init").exit()).isZero();
    assertThat(cli.run("backup", src.toString()).exit()).isZero();
    Path sparse = dir.resolve("sparse");
    Path full = dir.resolve("full");
    assertThat(cli.run("restore", "latest", "--target", sparse.toString()).exit()).isZero();
    assertThat(cli.run("restore", "latest", "--no-sparse", "--target", full.toString()).exit())
        .isZero();
    Path s = Trees.restored(sparse, src).resolve("sparse.img");
    Path f = Trees.restored(full, src).resolve("sparse.img");
    assertThat(Trees.sha(s))
        .isEqualTo(Trees.sha(f))
        .isEqualTo(Trees.sha(src.resolve("sparse.img")));
    assertThat(allocated(s)).isLessThan(4L << 20);
    assertThat(allocated(f)).isGreaterThanOrEqualTo(SIZE);
  }
}
