package dev.strata.pool.restore;

import static dev.strata.pool.restore.RestoreFixtures.MB;
import static dev.strata.pool.restore.RestoreFixtures.disk;
import static dev.strata.pool.restore.RestoreFixtures.pack;
import static dev.strata.pool.restore.RestoreFixtures.tape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.pool.NetworkLink;
import dev.strata.pool.catalog.PackHash;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopyChoiceTest {

  @Test
  void diskBeforeTapeVerifiedBeforeWrittenLocalBeforeRemoteThenTheFasterReader() {
    PackHash p = pack(1);
    SourceCopy onTape = tape(1, p, "STR001L9", 3, 300 * MB);
    SourceCopy remoteVerified = disk(2, p, "dc2-disk", NetworkLink.WAN, 500 * MB, true);
    SourceCopy localWritten = disk(3, p, "local-disk", NetworkLink.LOCAL, 900 * MB, false);
    SourceCopy localVerifiedSlow = disk(4, p, "local-slow", NetworkLink.LOCAL, 50 * MB, true);
    SourceCopy localVerifiedFast = disk(5, p, "local-fast", NetworkLink.LOCAL, 400 * MB, true);

    Map<PackHash, List<SourceCopy>> order =
        CopyChoice.order(
            List.of(p),
            List.of(onTape, remoteVerified, localWritten, localVerifiedSlow, localVerifiedFast));

    assertThat(order.get(p))
        .containsExactly(
            localVerifiedFast, localVerifiedSlow, remoteVerified, localWritten, onTape);
  }

  @Test
  void tapeOnlyPacksAreReadFromAsFewCartridgesAsPossible() {
    // p1..p3 are on A; p3 is also on B, p4 only on B. Mounting A then B covers all: p3 from A.
    PackHash p1 = pack(1), p2 = pack(2), p3 = pack(3), p4 = pack(4);
    List<SourceCopy> copies =
        List.of(
            tape(1, p1, "A00001L9", 1, -1),
            tape(2, p2, "A00001L9", 2, -1),
            tape(3, p3, "B00001L9", 9, -1),
            tape(4, p3, "A00001L9", 3, -1),
            tape(5, p4, "B00001L9", 10, -1));

    Map<PackHash, List<SourceCopy>> order = CopyChoice.order(List.of(p1, p2, p3, p4), copies);

    assertThat(CopyChoice.firstChoices(order))
        .extracting(c -> c.onTape().get().cartridge().value())
        .containsExactly("A00001L9", "A00001L9", "A00001L9", "B00001L9");
    assertThat(order.get(p3)).extracting(SourceCopy::copyId).containsExactly(4L, 3L);
  }

  @Test
  void aPackWithoutCopiesHasAnEmptyListAndForeignCopiesAreIgnored() {
    Map<PackHash, List<SourceCopy>> order =
        CopyChoice.order(
            List.of(pack(1)), List.of(disk(1, pack(2), "d", NetworkLink.LOCAL, 1, true)));
    assertThat(order.get(pack(1))).isEmpty();
    assertThat(CopyChoice.firstChoices(order)).isEmpty();
  }
}
