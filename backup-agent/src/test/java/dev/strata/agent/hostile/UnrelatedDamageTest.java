package dev.strata.agent.hostile;

import static dev.strata.agent.hostile.HostileRepository.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.cli.Cli;
import dev.strata.agent.repo.Repos;
import dev.strata.disk.PackName;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.Snapshot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit code of a restore describes the snapshot restored, not the repository: damage in a pack
 * that the snapshot does not need is a warning, and damage in one it needs names its files.
 */
class UnrelatedDamageTest {
  @TempDir Path dir;

  @Test
  void anIntactSnapshotRestoresWithExitZeroBesideADamagedPack() throws Exception {
    try (HostileRepository h = HostileRepository.create(dir)) {
      BlobId mine = h.data("mine");
      Snapshot intact = h.snapshot(List.of(file("mine.txt", 4, mine)));
      BlobId theirs = h.data("theirs");
      h.data("unused");
      PackName damaged = h.flushPack();
      Snapshot hit = h.snapshot(List.of(file("theirs.txt", 6, theirs)));
      // A bit inside the sealed index, just before the 116-byte trailer: the index is unreadable.
      h.flipBit(damaged, -120);
      Cli cli = new Cli(h.repoDir(), new String(Repos.PASS));

      Cli.Run ok = cli.run("restore", h.idOf(intact), "--target", dir.resolve("one").toString());
      assertThat(ok.exit()).as(ok.err()).isZero();
      assertThat(ok.err()).contains("warning").contains(damaged.value());
      assertThat(dir.resolve("one/mine.txt")).hasContent("mine");

      Cli.Run incomplete =
          cli.run("restore", h.idOf(hit), "--target", dir.resolve("two").toString());
      assertThat(incomplete.exit()).isEqualTo(3);
      assertThat(incomplete.err()).contains("theirs.txt");
    }
  }
}
