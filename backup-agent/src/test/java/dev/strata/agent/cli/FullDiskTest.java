package dev.strata.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.strata.agent.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup onto a file system that is really full (a 4 MiB tmpfs): it fails with exit 1 and a clear
 * message in bounded time and leaves no spool file. Needs root to mount the tmpfs; skipped
 * elsewhere (the same failures are injected, always, by {@code StorageFailureTest}).
 */
class FullDiskTest {
  private static final Duration BOUND = Duration.ofSeconds(90);

  @TempDir Path dir;
  private Path mounted;

  /** Mounts a tmpfs of {@code mib} MiB, or skips the test where that is not possible. */
  private Path smallDisk(int mib) throws Exception {
    Assumptions.assumeTrue(
        Files.isRegularFile(Path.of("/proc/self/status"))
            && Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(l -> l.matches("Uid:\\s+0\\s.*")),
        "mounting a tmpfs needs root");
    Path at = Files.createDirectories(dir.resolve("small-disk"));
    Process p =
        new ProcessBuilder(
                "mount", "-t", "tmpfs", "-o", "size=" + mib + "m", "tmpfs", at.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    Assumptions.assumeTrue(
        p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "cannot mount a tmpfs: " + out);
    mounted = at;
    return at;
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) {
      Process p = new ProcessBuilder("umount", "-l", mounted.toString()).inheritIO().start();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private Path source() throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    for (int i = 0; i < 3; i++) {
      Files.write(src.resolve("f" + i), Trees.random(8 << 20, 70 + i));
    }
    return src;
  }

  private static List<Path> filesIn(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.toList();
    }
  }

  @Test
  void aBackupToAFullRepositoryDiskFailsWithExit1AndLeavesNoSpoolFile() throws Exception {
    Path disk = smallDisk(4);
    Path src = source();
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Cli cli = new Cli(disk.resolve("repo").toString(), "pw", Map.of("TMPDIR", tmp.toString()));
    assertThat(cli.run("init").exit()).isZero();

    Cli.Run backup =
        assertTimeoutPreemptively(BOUND, () -> cli.run("backup", "--threads", "1", src.toString()));

    assertThat(backup.exit()).isEqualTo(1);
    assertThat(filesIn(tmp)).isEmpty();
    assertThat(backup.err()).contains("no snapshot was written", "No space left on device");
    assertThat(cli.run("snapshots", "--json").out()).contains("\"snapshots\":[]");
    assertThat(cli.run("check", "--read-data").exit()).isZero();
  }

  @Test
  void aBackupWhoseTemporaryDirectoryIsFullFailsWithExit1AndLeavesNoSpoolFile() throws Exception {
    Path tmp = smallDisk(4);
    Path src = source();
    // Full before the backup starts, as the spool disk was when the old pipeline waited forever.
    Files.write(tmp.resolve("filler"), new byte[(4 << 20) - (64 << 10)]);
    Cli cli = new Cli(dir.resolve("repo").toString(), "pw", Map.of("TMPDIR", tmp.toString()));
    Files.createDirectories(dir.resolve("repo"));
    assertThat(cli.run("init").exit()).isZero();

    Cli.Run backup =
        assertTimeoutPreemptively(BOUND, () -> cli.run("backup", "--threads", "1", src.toString()));

    assertThat(backup.exit()).isEqualTo(1);
    assertThat(filesIn(tmp)).containsExactly(tmp.resolve("filler"));
    assertThat(backup.err())
        .contains("no snapshot was written", "writing spool file", "No space left on device");
    assertThat(cli.run("check", "--read-data").exit()).isZero();
  }
}
