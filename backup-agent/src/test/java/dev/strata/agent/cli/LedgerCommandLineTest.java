package dev.strata.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.Trees;
import dev.strata.agent.repo.Repos;
import dev.strata.disk.PackName;
import dev.strata.disk.PackStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger from the command line: check prints its head, fails against an anchor that a rollback
 * broke, repairs; a version 1 repository gets its ledger with its next backup.
 */
class LedgerCommandLineTest {
  private static final Pattern HEAD =
      Pattern.compile("ledger: generation (\\d+), head ([0-9a-f]{64})");

  @TempDir Path dir;

  private Path copyOfGoldenV1() throws IOException {
    Path repo = dir.resolve("golden");
    try (Stream<Path> all = Files.walk(GoldenRepositoryTest.FIXTURE)) {
      for (Path p : all.toList()) {
        Path to = repo.resolve(GoldenRepositoryTest.FIXTURE.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return repo;
  }

  @Test
  void aVersion1RepositoryGetsItsLedgerWithItsNextBackupAndKeepsItsSnapshot() throws Exception {
    Cli cli = new Cli(copyOfGoldenV1(), GoldenRepositoryTest.PASSWORD);
    Cli.Run before = cli.withPassword(null).run("check");
    assertThat(before.exit()).isZero();
    assertThat(before.err()).contains("note: the repository has no ledger yet");

    Path src = Files.createDirectories(dir.resolve("src"));
    Files.write(src.resolve("new"), Trees.random(10_000, 1));
    Cli.Run backup = cli.run("backup", "--json", src.toString());
    assertThat(backup.exit()).as(backup.err()).isZero();
    assertThat(backup.out()).contains("\"sequence\":2");

    Cli.Run after = cli.withPassword(null).run("check", "--read-data", "--expect-sequence", "2");
    assertThat(after.exit()).as(after.err()).isZero();
    assertThat(after.err()).doesNotContain("no ledger");
    assertThat(after.out()).contains("ledger: generation 1,", "highest sequence 2");
    assertThat(cli.run("snapshots", "--json").out()).contains("\"sequence\":1", "\"sequence\":2");
  }

  @Test
  void checkFailsWithExit1AgainstAnAnchorThatARollbackBroke() throws Exception {
    Path repoDir = dir.resolve("repo");
    Cli cli = new Cli(repoDir, "pw");
    assertThat(cli.run("init").exit()).isZero();
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.write(src.resolve("a"), Trees.random(10_000, 1));
    assertThat(cli.run("backup", src.toString()).exit()).isZero();
    Files.write(src.resolve("b"), Trees.random(10_000, 2));
    String newest = cli.run("backup", src.toString()).lastLine();

    Cli.Run check = cli.withPassword(null).run("check");
    assertThat(check.exit()).isZero();
    Matcher m = HEAD.matcher(check.out());
    assertThat(m.find()).isTrue();
    String head = m.group(2);

    // Roll back: the newest snapshot and its ledger generation go, as an attacker with write
    // access to the store (but no keys) could do.
    try (PackStores.Opened store = Repos.store(repoDir)) {
      store.store().delete(PackName.of("snapshots/" + newest));
      store.store().delete(PackName.of("ledger/0000000000000002"));
    }
    assertThat(cli.withPassword(null).run("check").exit()).isZero();
    Cli.Run anchored = cli.withPassword(null).run("check", "--expect-head", head);
    assertThat(anchored.exit()).isEqualTo(1);
    assertThat(anchored.err()).contains("rolled back or replaced");
    Cli.Run bySequence = cli.withPassword(null).run("check", "--expect-sequence", "2", "--json");
    assertThat(bySequence.exit()).isEqualTo(1);
    assertThat(bySequence.out()).contains("\"ok\":false", "rolled back");
  }

  @Test
  void checkRepairRecordsAnUnrecordedSnapshotAndThenExits0() throws Exception {
    Path repoDir = dir.resolve("repo");
    Cli cli = new Cli(repoDir, "pw");
    assertThat(cli.run("init").exit()).isZero();
    Path src = Files.createDirectories(dir.resolve("src"));
    Files.write(src.resolve("a"), Trees.random(10_000, 1));
    assertThat(cli.run("backup", src.toString()).exit()).isZero();
    // The first backup's ledger generation was lost (the process died after its snapshot).
    try (Stream<Path> all = Files.walk(repoDir)) {
      for (Path p : all.filter(p -> p.getFileName().toString().startsWith("ledger~")).toList()) {
        Files.delete(p);
      }
    }
    assertThat(cli.withPassword(null).run("check").exit()).isEqualTo(1);
    Cli.Run keylessRepair = cli.withPassword(null).run("check", "--repair");
    assertThat(keylessRepair.exit()).isEqualTo(1);
    assertThat(keylessRepair.err()).contains("--repair needs the passphrase");

    Cli.Run repair = cli.run("check", "--repair");
    assertThat(repair.exit()).as(repair.err()).isZero();
    assertThat(repair.err()).contains("repaired: recorded snapshot", "checkpoint");
    assertThat(cli.withPassword(null).run("check", "--read-data").exit()).isZero();
    Cli.Run again = cli.run("check", "--repair");
    assertThat(again.err()).contains("repaired: nothing needed repair");
  }
}
