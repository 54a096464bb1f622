package dev.strata.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository written by format version 1, committed as a fixture: every later version must still
 * open, check and restore it exactly. {@link #main} wrote it (from {@link #source}); never rewrite
 * it for a new format version — add a fixture beside it.
 */
class GoldenRepositoryTest {
  static final String PASSWORD = "golden fixture v1";
  static final Path FIXTURE = Path.of("src/test/resources/golden/repository-v1");

  /** Where the source tree was when the fixture was written; a restore recreates this path. */
  static final Path SOURCE = Path.of("/tmp/strata-golden-source");

  @TempDir Path dir;

  /** The tree the fixture holds, rebuilt identically on every call. */
  static void source(Path root) throws IOException {
    Files.createDirectories(root.resolve("docs/empty-dir"));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      text.append("golden line ").append(i).append('\n');
    }
    Files.writeString(root.resolve("docs/readme.txt"), text);
    Files.write(root.resolve("random.bin"), Trees.random(300_000, 2026));
    Files.write(root.resolve("random-copy.bin"), Trees.random(300_000, 2026));
    Files.write(root.resolve("empty"), new byte[0]);
    Files.writeString(root.resolve("ünï cødé.txt"), "ü\n", StandardCharsets.UTF_8);
    Files.createSymbolicLink(root.resolve("docs/link"), Path.of("readme.txt"));
    Files.setPosixFilePermissions(
        root.resolve("random.bin"), PosixFilePermissions.fromString("rw-------"));
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!Files.isSymbolicLink(p)) {
          Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2026-01-02T03:04:05.5Z")));
        }
      }
    }
  }

  private Cli copyOfFixture() throws IOException {
    Path repo = dir.resolve("repo");
    try (Stream<Path> all = Files.walk(FIXTURE)) {
      for (Path p : all.toList()) {
        Path to = repo.resolve(FIXTURE.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return new Cli(repo, PASSWORD);
  }

  @Test
  void version1RepositoriesStillOpenCheckAndRestoreExactly() throws IOException {
    Cli cli = copyOfFixture();
    Cli.Run snapshots = cli.run("snapshots", "--json");
    assertThat(snapshots.exit()).isZero();
    assertThat(snapshots.out()).contains("\"sequence\":1", "\"paths\":[\"" + SOURCE + "\"]");
    assertThat(cli.run("check", "--read-data").exit()).isZero();
    assertThat(cli.withPassword(null).run("check", "--read-data").exit()).isZero();
    Path target = dir.resolve("out");
    assertThat(cli.run("restore", "latest", "--target", target.toString()).exit()).isZero();
    Path expected = Files.createDirectories(dir.resolve("expected"));
    source(expected);
    Map<String, String> want = Trees.describe(expected);
    assertThat(Trees.describe(Trees.restored(target, SOURCE))).isEqualTo(want);
  }

  /** Writes the fixture: run once, by hand, for a new format version (into a new directory). */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    source(SOURCE);
    Cli cli = new Cli(out, PASSWORD);
    System.out.println(cli.run("init").out());
    System.out.println(cli.run("backup", SOURCE.toString()).out());
  }
}
