package dev.strata.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.Trees;
import dev.strata.agent.repo.Repos;
import dev.strata.disk.PackName;
import dev.strata.disk.PackStore;
import dev.strata.disk.PackStores;
import dev.strata.disk.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One damaged object does not block the repository: a snapshot with a flipped byte, or junk under
 * {@code snapshots/} or {@code keys/}, is named and skipped by every command, every other snapshot
 * stays usable, and {@code check} still checks the rest and fails naming the damaged object.
 */
class DamagedObjectsTest {
  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]{64})\"");

  @TempDir Path dir;
  private Path repoDir;
  private Path src;
  private Cli cli;
  private final List<String> ids = new ArrayList<>();

  @BeforeEach
  void threeSnapshots() throws Exception {
    repoDir = dir.resolve("repo");
    src = Files.createDirectories(dir.resolve("src"));
    // Made with a cheap key derivation, so that each command opens it quickly.
    try (PackStores.Opened s = Repos.store(repoDir)) {
      Repos.init(s.store());
    }
    cli = new Cli(repoDir, new String(Repos.PASS));
    for (int i = 0; i < 3; i++) {
      Files.write(src.resolve("f" + i), Trees.random(50_000, i));
      Cli.Run b = cli.run("backup", src.toString());
      assertThat(b.exit()).as(b.err()).isZero();
      ids.add(b.lastLine());
    }
  }

  private void store(Store action) throws Exception {
    try (PackStores.Opened s = Repos.store(repoDir)) {
      action.run(s.store());
    }
  }

  private interface Store {
    void run(PackStore s) throws Exception;
  }

  private static void put(PackStore s, String name, byte[] bytes) throws IOException {
    s.put(
        PackName.of(name),
        () -> new ByteArrayInputStream(bytes),
        bytes.length,
        Sha256.digest(bytes));
  }

  private void flipAByteOf(String name) throws Exception {
    store(
        s -> {
          byte[] b;
          try (InputStream in = s.get(PackName.of(name))) {
            b = in.readAllBytes();
          }
          b[b.length / 2] ^= 0x10;
          put(s, name, b);
        });
  }

  private List<String> listedIds() {
    Cli.Run r = cli.run("snapshots", "--json");
    List<String> out = new ArrayList<>();
    Matcher m = ID.matcher(r.out());
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Everything that must still work, and check's verdict, with one object damaged. */
  private void everyOtherSnapshotStaysUsable(String damagedName, List<String> usable)
      throws IOException {
    Cli.Run list = cli.run("snapshots");
    assertThat(list.err()).contains(damagedName);
    assertThat(listedIds()).containsExactlyElementsOf(usable);

    for (String id : usable) {
      Path target = dir.resolve("out-" + id.substring(0, 8));
      Cli.Run r = cli.run("restore", id, "--target", target.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(Trees.restored(target, src).resolve("f0")).exists();
    }
    Cli.Run latest = cli.run("restore", "latest", "--target", dir.resolve("latest").toString());
    assertThat(latest.exit()).as(latest.err()).isZero();

    Files.write(src.resolve("new"), Trees.random(10_000, 99));
    Cli.Run backup = cli.run("backup", src.toString());
    assertThat(backup.exit()).as(backup.err()).isZero();
    assertThat(backup.err()).contains(damagedName);

    Cli.Run check = cli.run("check", "--read-data");
    assertThat(check.exit()).isEqualTo(1);
    assertThat(check.err()).contains(damagedName);
    Cli.Run keyless = cli.withPassword(null).run("check", "--read-data");
    assertThat(keyless.exit()).isEqualTo(1);
    assertThat(keyless.err()).contains(damagedName);
  }

  @Test
  void aSnapshotWithAFlippedByteIsNamedAndSkippedAndTheOthersStayUsable() throws Exception {
    String damaged = "snapshots/" + ids.get(1);
    flipAByteOf(damaged);

    Cli.Run list = cli.run("snapshots");
    assertThat(list.exit()).isEqualTo(StrataCommand.INCOMPLETE);
    assertThat(list.err()).contains(damaged, "signature");
    Cli.Run restoreDamaged =
        cli.run("restore", ids.get(1).substring(0, 12), "--target", dir.resolve("x").toString());
    assertThat(restoreDamaged.exit()).isEqualTo(1);
    assertThat(restoreDamaged.err()).contains(damaged, "damaged");

    everyOtherSnapshotStaysUsable(damaged, List.of(ids.get(0), ids.get(2)));
  }

  @Test
  void theNewestSnapshotDamagedLeavesLatestAtTheNewestReadableOne() throws Exception {
    String damaged = "snapshots/" + ids.get(2);
    flipAByteOf(damaged);

    Cli.Run ls = cli.run("ls", "latest", "--json");
    assertThat(ls.exit()).as(ls.err()).isZero();
    assertThat(ls.out()).contains(ids.get(1)).doesNotContain("/f2\"");
    assertThat(ls.err()).contains(damaged);
  }

  @Test
  void junkUnderSnapshotsIsNamedAndSkipped() throws Exception {
    store(s -> put(s, "snapshots/junk", "not a snapshot".getBytes()));
    everyOtherSnapshotStaysUsable("snapshots/junk", ids);
  }

  @Test
  void aSnapshotStoredUnderAnotherNameIsNamedAndSkipped() throws Exception {
    String wrong = "snapshots/" + "0".repeat(64);
    store(
        s -> {
          byte[] b;
          try (InputStream in = s.get(PackName.of("snapshots/" + ids.get(0)))) {
            b = in.readAllBytes();
          }
          put(s, wrong, b);
        });
    everyOtherSnapshotStaysUsable(wrong, ids);
  }

  @Test
  void junkUnderKeysIsNamedAndSkipped() throws Exception {
    store(s -> put(s, "keys/0123456789abcdef", Trees.random(300, 5)));
    Cli.Run keys = cli.run("key", "list");
    assertThat(keys.exit()).as(keys.err()).isZero();
    assertThat(keys.err()).contains("keys/0123456789abcdef");
    everyOtherSnapshotStaysUsable("keys/0123456789abcdef", ids);
  }

  @Test
  void checkStillChecksEverythingElseWhenASnapshotIsDamaged() throws Exception {
    String damaged = "snapshots/" + ids.get(1);
    flipAByteOf(damaged);
    // And a second, unrelated fault: every pack deleted, so every file of the readable
    // snapshots lacks its chunks.
    store(
        s -> {
          for (var p : s.list("data/", java.util.Optional.empty(), 1000).packs()) {
            s.delete(p.name());
          }
        });
    Cli.Run check = cli.run("check");
    assertThat(check.exit()).isEqualTo(1);
    assertThat(check.err()).contains(damaged);
    assertThat(check.err()).contains("snapshot " + ids.get(0).substring(0, 8));
    assertThat(check.err()).contains("snapshot " + ids.get(2).substring(0, 8));
  }
}
