package dev.strata.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process, from init to restore and check; each test is independent. */
class CommandLineTest {
  @TempDir Path dir;

  private Cli cli() {
    return new Cli(dir.resolve("repo"), "pass phrase");
  }

  private Cli.Run ok(Cli.Run r) {
    assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isZero();
    return r;
  }

  @Test
  void backsUpAndRestoresATreeBitExactWithItsMetadata() throws IOException {
    Path src = Trees.mixed(dir);
    Cli cli = cli();
    ok(cli.run("init"));
    String id = ok(cli.run("backup", src.toString())).lastLine();
    assertThat(id).matches("[0-9a-f]{64}");
    Path target = dir.resolve("restore");
    ok(cli.run("restore", id.substring(0, 8), "--target", target.toString()));
    Trees.assertSameTree(src, Trees.restored(target, src));
    Cli.Run check = ok(cli.run("check", "--read-data"));
    assertThat(check.out()).contains("no errors");
  }

  @Test
  void printsJsonForEveryCommand() throws IOException {
    Path src = Trees.mixed(dir);
    Cli cli = cli();
    assertThat(ok(cli.run("init", "--json")).out()).startsWith("{\"repository\":");
    String backup = ok(cli.run("backup", "--json", src.toString())).out();
    assertThat(backup).contains("\"sequence\":1", "\"filesNew\":5", "\"warnings\":[]");
    assertThat(ok(cli.run("snapshots", "--json")).out())
        .contains("\"sequence\":1", "\"host\":\"testhost\"");
    assertThat(ok(cli.run("ls", "--json", "latest")).out())
        .contains("\"path\":\"" + src + "/sub/link\",\"type\":\"symlink\"");
    assertThat(ok(cli.run("check", "--json")).out()).startsWith("{\"ok\":true");
    assertThat(
            ok(cli.run("restore", "--json", "latest", "--target", dir.resolve("r").toString()))
                .out())
        .contains("\"problems\":[]");
  }

  @Test
  void anUnchangedReBackupReadsNothingAndAddsNothing() throws IOException {
    Path src = Trees.mixed(dir);
    Cli cli = cli();
    ok(cli.run("init"));
    ok(cli.run("backup", src.toString()));
    String again = ok(cli.run("backup", "--json", src.toString())).out();
    assertThat(again).contains("\"filesNew\":0", "\"filesChanged\":0", "\"blobsAdded\":0");
    Files.writeString(
        src.resolve("text.txt"), "changed\n", java.nio.file.StandardOpenOption.APPEND);
    String changed = ok(cli.run("backup", "--json", src.toString())).out();
    assertThat(changed).contains("\"filesChanged\":1", "\"sequence\":3");
    Path target = dir.resolve("restore");
    ok(cli.run("restore", "latest", "--target", target.toString()));
    Trees.assertSameTree(src, Trees.restored(target, src));
  }

  @Test
  void aWrongPassphraseIsRefusedAndChangesNothing() throws IOException {
    Path src = Trees.mixed(dir);
    ok(cli().run("init"));
    List<Path> before = listing(dir.resolve("repo"));
    Cli wrong = cli().withPassword("not it");
    Cli.Run r = wrong.run("backup", src.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("wrong passphrase");
    assertThat(wrong.run("snapshots").exit()).isEqualTo(1);
    assertThat(listing(dir.resolve("repo"))).isEqualTo(before);
    Cli none = cli().withPassword(null);
    assertThat(none.run("snapshots").err()).contains("STRATA_PASSWORD");
  }

  @Test
  void refusesANonEmptyTargetUnlessOverwriteIsGiven() throws IOException {
    Path src = Trees.mixed(dir);
    Cli cli = cli();
    ok(cli.run("init"));
    ok(cli.run("backup", src.toString()));
    Path target = Files.createDirectories(dir.resolve("busy"));
    Files.writeString(target.resolve("keep.txt"), "mine");
    Cli.Run refused = cli.run("restore", "latest", "--target", target.toString());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("not empty", "--overwrite");
    ok(cli.run("restore", "latest", "--target", target.toString(), "--overwrite"));
    assertThat(target.resolve("keep.txt")).hasContent("mine");
    Trees.assertSameTree(src, Trees.restored(target, src));
  }

  @Test
  void restoresOnlyTheIncludedPaths() throws IOException {
    Path src = Trees.mixed(dir);
    Cli cli = cli();
    ok(cli.run("init"));
    ok(cli.run("backup", src.toString()));
    Path target = dir.resolve("part");
    ok(
        cli.run(
            "restore", "latest", "--target", target.toString(), "--include", src + "/sub/deeper"));
    Path base = Trees.restored(target, src);
    assertThat(base.resolve("sub/deeper/copy.bin")).exists();
    assertThat(base.resolve("text.txt")).doesNotExist();
    assertThat(base.resolve("sub/link")).doesNotExist();
  }

  @Test
  void aSecondPassphraseOpensTheSameRepository() throws IOException {
    Path src = Trees.mixed(dir);
    Cli cli = cli();
    ok(cli.run("init"));
    String id = ok(cli.run("backup", src.toString())).lastLine();
    Path file = dir.resolve("second.txt");
    Files.writeString(file, "second passphrase\n");
    assertThat(ok(cli.run("key", "add", "--new-password-file", file.toString())).out())
        .startsWith("added key ");
    Cli second = cli.withPassword("second passphrase");
    assertThat(ok(second.run("snapshots")).out()).contains(id.substring(0, 8));
    assertThat(ok(second.run("key", "list", "--json")).out())
        .contains("\"label\":\"tester@testhost\"");
    assertThat(ok(second.run("key", "list")).out().strip().split("\n")).hasSize(2);
  }

  @Test
  void reportsBadInputClearly() {
    Cli cli = cli();
    Cli.Run noRepo = cli.run("snapshots");
    assertThat(noRepo.exit()).isEqualTo(1);
    assertThat(noRepo.err()).contains("there is no repository at");
    ok(cli.run("init"));
    assertThat(cli.run("init").err()).contains("already exists");
    assertThat(cli.run("backup", dir.resolve("nope").toString()).err())
        .contains("no such file or directory");
    assertThat(cli.run("ls", "ffff0000").err()).contains("no snapshot 'ffff0000'");
    assertThat(cli.run("frobnicate").exit()).isEqualTo(2);
  }

  static List<Path> listing(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.sorted().toList();
    }
  }
}
