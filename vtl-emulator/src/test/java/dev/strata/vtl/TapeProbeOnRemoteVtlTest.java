package dev.strata.vtl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.tape.DriveLeases;
import dev.strata.tape.drivers.TapeLibraries;
import dev.strata.tape.drivers.TapeSettings;
import dev.strata.tape.probe.TapeProbeReport;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tape probe against a real {@link VtlServer} on loopback, opened as {@code vtl://}. */
class TapeProbeOnRemoteVtlTest {
  @TempDir Path dir;

  @Test
  void aServedLibraryIsWrittenReadBackAndVerifiedOverTheNetwork() throws Exception {
    VirtualLibrary.create(dir, LibraryConfig.embeddedDefault("dc2-vtl"));
    try (VtlServer server =
            VtlServer.start(VirtualTapeLibrary.open(dir), InetAddress.getLoopbackAddress(), 0);
        TapeLibraries.Opened opened =
            TapeLibraries.discovered()
                .open(
                    URI.create("vtl://127.0.0.1:" + server.port()),
                    TapeSettings.defaults().withLeases(new DriveLeases()))) {
      TapeProbeReport r = TapeProbeOnVtlTest.probe().probe(opened);
      assertThat(r.verified()).as(r.detail()).isTrue();
      assertThat(r.drive()).contains("dc2-vtl/drive0");
      // The capacity per cartridge crosses the network scaled, as the served library has it.
      assertThat(r.capacity().totalBytes()).isEqualTo(20L * 1_800_000_000L);
    }
  }

  @Test
  void aServerThatGoesAwayMakesTheLibraryUnreachable() throws Exception {
    VirtualLibrary.create(dir, LibraryConfig.embeddedDefault("gone"));
    VtlServer server =
        VtlServer.start(VirtualTapeLibrary.open(dir), InetAddress.getLoopbackAddress(), 0);
    try (TapeLibraries.Opened opened =
        TapeLibraries.discovered()
            .open(
                URI.create("vtl://127.0.0.1:" + server.port()),
                TapeSettings.defaults().withLeases(new DriveLeases()))) {
      server.close();
      // The accepted connection lives on its own thread; closing the listener does not end it,
      // so end the client's side the way a dropped link would.
      opened.close();
      TapeProbeReport r = TapeProbeOnVtlTest.probe().probe(opened);
      assertThat(r.reachable()).isFalse();
      assertThat(r.detail()).contains("cannot read the inventory", "connection to the VTL");
    }
  }
}
