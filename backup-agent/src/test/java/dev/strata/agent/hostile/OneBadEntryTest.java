package dev.strata.agent.hostile;

import static dev.strata.agent.hostile.HostileRepository.dir;
import static dev.strata.agent.hostile.HostileRepository.file;
import static dev.strata.agent.hostile.HostileRepository.hardlink;
import static dev.strata.agent.hostile.HostileRepository.symlink;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.cli.Cli;
import dev.strata.agent.repo.Repos;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.TreeCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bad entry costs that entry only: it is skipped and reported, every other entry is restored,
 * and the exit code says "incomplete" (3), not "failed" (1).
 */
class OneBadEntryTest {
  @TempDir Path dir;

  private Cli.Run restore(HostileRepository h) {
    return new Cli(h.repoDir(), new String(Repos.PASS))
        .run("restore", "latest", "--target", dir.resolve("target").toString());
  }

  private void assertGoodFilesRestored() throws Exception {
    assertThat(dir.resolve("target/a")).hasContent("good");
    assertThat(dir.resolve("target/z")).hasContent("good");
  }

  @Test
  void aNulByteInALinkTargetSkipsThatLinkOnly() throws Exception {
    try (HostileRepository h = HostileRepository.create(dir)) {
      BlobId good = h.data("good");
      h.snapshot(List.of(file("a", 4, good), symlink("l", "x\0y"), file("z", 4, good)));
      Cli.Run r = restore(h);
      assertThat(r.exit()).as(r.err()).isEqualTo(3);
      assertThat(r.err()).contains("'l'");
      assertGoodFilesRestored();
    }
  }

  @Test
  void aDanglingDirectoryLinkSkipsThatEntryOnly() throws Exception {
    try (HostileRepository h = HostileRepository.create(dir)) {
      BlobId good = h.data("good");
      h.snapshot(
          List.of(file("a", 4, good), dir("d"), symlink("d", "nowhere/"), file("z", 4, good)));
      Cli.Run r = restore(h);
      assertThat(r.exit()).as(r.err()).isEqualTo(3);
      assertThat(r.err()).contains("'d'");
      assertGoodFilesRestored();
    }
  }

  @Test
  void aHardLinkToADirectoryOrToNothingSkipsThatLinkOnly() throws Exception {
    try (HostileRepository h = HostileRepository.create(dir)) {
      BlobId good = h.data("good");
      h.snapshot(
          List.of(
              file("a", 4, good),
              dir("d"),
              hardlink("h", "d"),
              hardlink("i", "missing"),
              file("z", 4, good)));
      Cli.Run r = restore(h);
      assertThat(r.exit()).as(r.err()).isEqualTo(3);
      assertThat(r.err()).contains("'h'").contains("'i'");
      assertGoodFilesRestored();
    }
  }

  @Test
  void aNulByteInAPathSkipsThatEntryOnlyNotTheRestOfItsTreeBlob() throws Exception {
    try (HostileRepository h = HostileRepository.create(dir)) {
      BlobId good = h.data("good");
      // Encoded with a placeholder of the same length, which is then replaced by a NUL byte: no
      // encoder would write such a path, a hostile one can.
      byte[] plain =
          TreeCodec.encode(List.of(file("a", 4, good), file("m@n", 4, good), file("z", 4, good)));
      String text = new String(plain, StandardCharsets.ISO_8859_1).replace("m@n", "m\0n");
      h.snapshotOfTrees(List.of(h.treeBlob(text.getBytes(StandardCharsets.ISO_8859_1))));
      Cli.Run r = restore(h);
      assertThat(r.exit()).as(r.err()).isEqualTo(3);
      assertThat(r.err()).contains("NUL");
      assertGoodFilesRestored();
      try (var s = Files.list(dir.resolve("target"))) {
        assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a", "z");
      }
    }
  }

  @Test
  void aCraftedEntryOfEveryKindAtOnceStillRestoresTheRest() throws Exception {
    try (HostileRepository h = HostileRepository.create(dir)) {
      BlobId good = h.data("good");
      h.snapshot(
          List.of(
              file("a", 4, good),
              file("b" + "x".repeat(300), 4, good),
              symlink("c", "x".repeat(5000)),
              file("d", 4, BlobId.of(new byte[32])),
              file("e", 99, good),
              file("z", 4, good)));
      Cli.Run r = restore(h);
      assertThat(r.exit()).as(r.err()).isEqualTo(3);
      assertThat(r.err()).contains("'bxxx", "'c'", "'d'", "'e'");
      assertGoodFilesRestored();
    }
  }
}
