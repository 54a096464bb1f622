package dev.strata.agent.hostile;

import static dev.strata.agent.hostile.HostileRepository.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.ChildJvm;
import dev.strata.agent.Trees;
import dev.strata.agent.cli.Cli;
import dev.strata.agent.cli.StrataCommand;
import dev.strata.agent.repo.BackupStats;
import dev.strata.agent.repo.Repos;
import dev.strata.agent.repo.Repository;
import dev.strata.disk.PackStores;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.KeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restore never says "done" with files missing: a blob declaring a length beyond the format's
 * limits is refused before anything is allocated for it, memory stays bounded whatever the number
 * of writer threads, and any failure of any writer — an {@link Error} included — makes the exit
 * code non-zero and names the file.
 */
class RestoreFailuresAreReportedTest {
  @TempDir Path dir;

  @Test
  void aBlobDeclaringAHugeLengthIsRefusedAndItsFileIsNamed() throws Exception {
    try (HostileRepository h = HostileRepository.create(dir)) {
      byte[] small = "squeezed".repeat(100).getBytes(StandardCharsets.UTF_8);
      BlobId huge = h.compressedDataDeclaring(small, Integer.MAX_VALUE);
      BlobId fine = h.data("fine");
      h.snapshot(List.of(file("fine.txt", 4, fine), file("huge.bin", small.length, huge)));
      Cli cli = new Cli(h.repoDir(), new String(Repos.PASS));
      Path target = dir.resolve("target");
      Cli.Run r = cli.run("restore", "latest", "--target", target.toString());
      assertThat(r.exit()).isEqualTo(3);
      assertThat(r.err()).contains("huge.bin");
      assertThat(target.resolve("fine.txt")).hasContent("fine");
      assertThat(target.resolve("huge.bin")).doesNotExist();

      Cli.Run check = cli.run("check");
      assertThat(check.exit()).isEqualTo(1);
      assertThat(check.err()).contains(huge.shortForm()).contains("limit");
    }
  }

  /** A repository whose chunks are all {@code chunk} bytes, with {@code files} random files. */
  private Path repositoryOfLargeChunks(int chunk, int files, int chunksPerFile) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    for (int i = 0; i < files; i++) {
      Files.write(src.resolve("f" + i), Trees.random(chunk * chunksPerFile, 10 + i));
    }
    Files.writeString(src.resolve("small.txt"), "small");
    Path repoDir = dir.resolve("repo");
    try (PackStores.Opened store = Repos.store(repoDir)) {
      Repository repo =
          Repository.init(
              store.store(),
              Repos.PASS,
              new Repository.Settings(chunk, chunk, chunk, 2 * chunk, new KeyFile.Kdf(256, 1, 1)),
              "test",
              Clock.systemUTC(),
              new SecureRandom());
      Repos.backup(repo, dir).run(List.of(src), new BackupStats());
    }
    return src;
  }

  private record ChildRun(int exit, String output) {}

  private ChildRun restoreInAChildJvm(String heap, int threads, Path target) throws Exception {
    List<String> command =
        new ArrayList<>(
            ChildJvm.command(
                StrataCommand.class,
                "restore",
                "--repo",
                dir.resolve("repo").toString(),
                "--threads",
                Integer.toString(threads),
                "latest",
                "--target",
                target.toString()));
    command.add(1, "-Xmx" + heap);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("STRATA_PASSWORD", new String(Repos.PASS));
    Path log = dir.resolve("child.log");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process child = pb.start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the restore ends").isTrue();
    return new ChildRun(child.exitValue(), Files.readString(log));
  }

  @Test
  void restoreMemoryStaysBoundedWhateverTheThreadCount() throws Exception {
    Path src = repositoryOfLargeChunks(16 << 20, 8, 1);
    Path target = dir.resolve("target");
    ChildRun r = restoreInAChildJvm("128m", 32, target);
    assertThat(r.exit()).as(r.output()).isZero();
    Trees.assertSameTree(src, Trees.restored(target, src));
  }

  @Test
  void aWriterThatRunsOutOfMemoryFailsTheRestoreAndNamesItsFile() throws Exception {
    Path src = repositoryOfLargeChunks(32 << 20, 1, 1);
    Path target = dir.resolve("target");
    ChildRun r = restoreInAChildJvm("48m", 2, target);
    assertThat(r.exit()).as(r.output()).isEqualTo(3);
    assertThat(r.output()).contains("f0").contains("OutOfMemoryError");
    assertThat(Trees.restored(target, src).resolve("small.txt")).hasContent("small");
    assertThat(Trees.restored(target, src).resolve("f0")).doesNotExist();
  }
}
