package dev.strata.pool.restore;

import static dev.strata.pool.restore.RestoreFixtures.MB;
import static dev.strata.pool.restore.RestoreFixtures.disk;
import static dev.strata.pool.restore.RestoreFixtures.pack;
import static dev.strata.pool.restore.RestoreFixtures.tape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.pool.NetworkLink;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RestoreEstimatorTest {

  @Test
  void diskCopiesTakeTheirBytesAtTheMeasuredSpeedPlusLatencyPerPack() {
    // 2 x 100 MB at 100 MB/s, 1 ms latency each.
    RestoreEstimate e =
        RestoreEstimator.estimate(
            List.of(
                disk(1, pack(1), "d", NetworkLink.LOCAL, 100 * MB, true),
                disk(2, pack(2), "d", NetworkLink.LOCAL, 100 * MB, true)),
            0,
            OptionalLong.empty());
    assertThat(e.total()).isEqualTo(Duration.ofMillis(2002));
    assertThat(e.staging()).isZero();
    assertThat(e.bytes()).isEqualTo(200 * MB);
    assertThat(e.packs()).isEqualTo(2);
    assertThat(e.measured()).isTrue();
    assertThat(e.parts()).singleElement().satisfies(p -> assertThat(p.packs()).isEqualTo(2));
  }

  @Test
  void aRemoteDataCenterIsReadNoFasterThanItsLink() {
    // 1 GB/s disk behind a WAN (125 MB/s): 100 MB take 0.8 s, not 0.1 s.
    RestoreEstimate e =
        RestoreEstimator.estimate(
            List.of(disk(1, pack(1), "d", NetworkLink.WAN, 1000 * MB, true)),
            0,
            OptionalLong.empty());
    assertThat(e.total()).isEqualTo(Duration.ofMillis(801));
    assertThat(e.parts().get(0).bytesPerSecond()).isEqualTo(125 * MB);
  }

  @Test
  void tapeCostsAMountALocateAndAnUnloadPerCartridgeAndALocatePerGap() {
    // Cartridge A: files 1, 2 (adjacent) and 5 (a gap); cartridge B: file 1. Tape at 100 MB/s,
    // landing disk at 200 MB/s, behind a WAN (125 MB/s).
    RestoreEstimate e =
        RestoreEstimator.estimate(
            List.of(
                tape(1, pack(1), "A00001L9", 1, 100 * MB),
                tape(2, pack(2), "A00001L9", 2, 100 * MB),
                tape(3, pack(3), "A00001L9", 5, 100 * MB),
                tape(4, pack(4), "B00001L9", 1, 100 * MB)),
            0,
            OptionalLong.of(200 * MB));
    Duration perCartridge =
        RestoreEstimator.MOUNT.plus(RestoreEstimator.FIRST_LOCATE).plus(RestoreEstimator.UNLOAD);
    Duration staging =
        perCartridge
            .multipliedBy(2)
            .plus(RestoreEstimator.NEXT_LOCATE)
            .plus(Duration.ofSeconds(4)); // 400 MB at 100 MB/s
    assertThat(e.tapeMounts()).isEqualTo(2);
    assertThat(e.staging()).isEqualTo(staging);
    assertThat(e.transfer()).isEqualTo(Duration.ofMillis(3200)); // 400 MB at 125 MB/s
    assertThat(e.total()).isEqualTo(staging.plus(Duration.ofMillis(3200)));
  }

  @Test
  void unmeasuredTargetsUseAssumedSpeedsAndSaySo() {
    RestoreEstimate e =
        RestoreEstimator.estimate(
            List.of(disk(1, pack(1), "d", NetworkLink.LOCAL, -1, true)), 1, OptionalLong.empty());
    assertThat(e.measured()).isFalse();
    assertThat(e.parts().get(0).bytesPerSecond()).isEqualTo(RestoreEstimator.ASSUMED_DISK_BPS);
    assertThat(e.missingPacks()).isEqualTo(1);
  }
}
