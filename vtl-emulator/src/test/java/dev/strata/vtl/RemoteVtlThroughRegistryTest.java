package dev.strata.vtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.tape.Barcode;
import dev.strata.tape.CartridgeType;
import dev.strata.tape.DriveLeases;
import dev.strata.tape.TapeLibrary;
import dev.strata.tape.TapeLibraryConformance;
import dev.strata.tape.drivers.TapeLibraries;
import dev.strata.tape.drivers.TapeSettings;
import dev.strata.tape.fault.FaultInjectingTapeLibrary;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A VTL served on loopback, opened as {@code vtl://127.0.0.1:port} through the registry with the
 * fault injector (idle) in the stack, passes the conformance suite.
 */
class RemoteVtlThroughRegistryTest extends TapeLibraryConformance {
  @TempDir Path dir;
  private VtlServer server;
  private TapeLibraries.Opened opened;
  private int worm = -1;

  @Override
  protected TapeLibrary library() throws Exception {
    VirtualLibrary.create(
        dir, new LibraryConfig("served", 2, 6, 2, CartridgeType.LTO9, 3, 1, "SRV", 1e-6));
    VirtualTapeLibrary local = VirtualTapeLibrary.open(dir);
    worm = local.insert(Barcode.of("WRM004LZ"));
    server = VtlServer.start(local, InetAddress.getLoopbackAddress(), 0);
    opened =
        TapeLibraries.discovered()
            .open(
                URI.create("vtl://127.0.0.1:" + server.port()),
                TapeSettings.defaults().withLeases(new DriveLeases()).withFaultInjection());
    assertThat(opened.library()).isInstanceOf(FaultInjectingTapeLibrary.class);
    assertThat(opened.identity()).isEqualTo("vtl://127.0.0.1:" + server.port());
    return opened.library();
  }

  @Override
  protected OptionalInt wormSlot() {
    return OptionalInt.of(worm);
  }

  @AfterEach
  void stop() throws Exception {
    if (opened != null) {
      opened.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theServedLibraryReportsItsScaledCartridgeCapacity() throws Exception {
    assertThat(library().capacityOf(CartridgeType.LTO9)).isEqualTo(18_000_000L);
  }

  @Test
  void aLibraryNobodyServesCannotBeOpened() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    assertThatThrownBy(
            () ->
                TapeLibraries.discovered()
                    .open(URI.create("vtl://127.0.0.1:" + port), TapeSettings.defaults()))
        .isInstanceOf(IOException.class);
  }
}
