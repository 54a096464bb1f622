package dev.strata.controlcenter.infrastructure.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.pool.DataCenter;
import dev.strata.pool.DataCenterId;
import dev.strata.pool.NetworkLink;
import dev.strata.pool.ProbeMeasurement;
import dev.strata.pool.ProbeOutcome;
import dev.strata.pool.ProbeResult;
import dev.strata.pool.ProbeThresholds;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetState;
import dev.strata.tape.DriveLeases;
import dev.strata.tape.drivers.TapeLibraries;
import dev.strata.tape.drivers.TapeSettings;
import dev.strata.tape.probe.ProbeCartridges;
import dev.strata.tape.probe.TapeProbe;
import dev.strata.vtl.LibraryConfig;
import dev.strata.vtl.VirtualLibrary;
import dev.strata.vtl.VirtualTapeLibrary;
import dev.strata.vtl.VtlServer;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tape targets measured through the tape registry and probe, and judged by the pool's rules. */
class TapeTargetProberTest {
  private static final DataCenter DC =
      DataCenter.establish(DataCenterId.of("dc"), null, null, NetworkLink.LOCAL, Instant.EPOCH);
  private static final TapeProbe PROBE =
      new TapeProbe(
          new SplittableRandom(3), Clock.systemUTC(), 1 << 20, 256 << 10, ProbeCartridges.DEFAULT);
  private static final TapeSettings SETTINGS =
      TapeSettings.defaults().withLeases(new DriveLeases());

  @TempDir Path dir;

  private static StorageTarget target(TargetKind kind, String endpoint) {
    return StorageTarget.register(
        TargetId.of("t"), DC, kind, null, endpoint, null, null, TargetState.ACTIVE, Instant.EPOCH);
  }

  private static ProbeOutcome judge(StorageTarget t, ProbeMeasurement m) {
    return ProbeResult.assess(t, m, Instant.EPOCH, new ProbeThresholds(0.05)).outcome();
  }

  @Test
  void drivesVtlsInProcessAndRemoteAndTapeLibraries() {
    TapeTargetProber p = new TapeTargetProber();
    assertThat(p.supports(target(TargetKind.VTL, "vtl:/srv/vtl"))).isTrue();
    assertThat(p.supports(target(TargetKind.VTL, "vtl://10.1.2.3:7070"))).isTrue();
    assertThat(p.supports(target(TargetKind.TAPE_LIBRARY, "mtx:/dev/sg3"))).isTrue();
    assertThat(p.supports(target(TargetKind.DISK, "file:/srv/disk"))).isFalse();
  }

  @Test
  void theEmbeddedVtlIsTestedThroughItsDataPathAndRatedOk() throws Exception {
    VirtualLibrary.create(dir, LibraryConfig.embeddedDefault("local-vtl"));
    StorageTarget t = target(TargetKind.VTL, "vtl:" + dir);
    ProbeMeasurement m =
        TapeTargetProber.measure(t.endpoint(), PROBE, TapeLibraries.discovered(), SETTINGS);
    assertThat(m.verified()).as(m.detail()).isTrue();
    assertThat(m.probeBytes()).isEqualTo(1 << 20);
    assertThat(m.totalBytes()).isEqualTo(20L * 1_800_000_000L);
    assertThat(judge(t, m)).isEqualTo(ProbeOutcome.OK);
  }

  @Test
  void aRemoteVtlIsTestedForRealInsteadOfHavingNoDriver() throws Exception {
    VirtualLibrary.create(dir, LibraryConfig.embeddedDefault("dc2-vtl"));
    try (VtlServer server =
        VtlServer.start(VirtualTapeLibrary.open(dir), InetAddress.getLoopbackAddress(), 0)) {
      StorageTarget t = target(TargetKind.VTL, "vtl://127.0.0.1:" + server.port());
      ProbeMeasurement m =
          TapeTargetProber.measure(t.endpoint(), PROBE, TapeLibraries.discovered(), SETTINGS);
      assertThat(m.verified()).as(m.detail()).isTrue();
      assertThat(judge(t, m)).isEqualTo(ProbeOutcome.OK);
    }
  }

  @Test
  void aLibraryWithoutAProbeCartridgeIsDegradedAndSaysWhy() throws Exception {
    VirtualLibrary.create(
        dir,
        new LibraryConfig(
            "old", 2, 24, 4, dev.strata.tape.CartridgeType.LTO9, 20, 1, "STR", 0.0001));
    StorageTarget t = target(TargetKind.VTL, "vtl:" + dir);
    ProbeMeasurement m =
        TapeTargetProber.measure(t.endpoint(), PROBE, TapeLibraries.discovered(), SETTINGS);
    assertThat(judge(t, m)).isEqualTo(ProbeOutcome.DEGRADED);
    assertThat(m.detail()).contains("no probe cartridge");
  }

  @Test
  void aChangerThatIsNotThereIsUnreachableByName() {
    StorageTarget t = target(TargetKind.TAPE_LIBRARY, "mtx:/dev/no-such-sg9?drives=/dev/nst0");
    ProbeMeasurement m =
        TapeTargetProber.measure(t.endpoint(), PROBE, TapeLibraries.discovered(), SETTINGS);
    assertThat(judge(t, m)).isEqualTo(ProbeOutcome.UNREACHABLE);
    assertThat(m.detail()).isEqualTo("no changer device at /dev/no-such-sg9");
  }

  @Test
  void aVtlDirectoryWithoutALibraryIsUnreachableByName() {
    StorageTarget t = target(TargetKind.VTL, "vtl:" + dir.resolve("none"));
    ProbeMeasurement m =
        TapeTargetProber.measure(
            URI.create("vtl:" + dir.resolve("none")), PROBE, TapeLibraries.discovered(), SETTINGS);
    assertThat(judge(t, m)).isEqualTo(ProbeOutcome.UNREACHABLE);
    assertThat(m.detail()).contains("no library directory");
  }
}
