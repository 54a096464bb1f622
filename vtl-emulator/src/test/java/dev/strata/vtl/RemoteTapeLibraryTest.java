package dev.strata.vtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.tape.Barcode;
import dev.strata.tape.CartridgeType;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import dev.strata.tape.TapeLibrary;
import dev.strata.tape.TapeLibraryConformance;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VTL over the network (a server on loopback, a client) passes the same conformance suite. */
class RemoteTapeLibraryTest extends TapeLibraryConformance {
  @TempDir Path dir;
  private VtlServer server;
  private RemoteTapeLibrary client;
  private int worm = -1;

  @Override
  protected TapeLibrary library() throws Exception {
    VirtualLibrary.create(
        dir, new LibraryConfig("remote", 2, 6, 2, CartridgeType.LTO9, 3, 1, "REM", 1e-6));
    VirtualTapeLibrary local = VirtualTapeLibrary.open(dir);
    worm = local.insert(Barcode.of("WRM002LZ"));
    server = VtlServer.start(local, InetAddress.getLoopbackAddress(), 0);
    client = RemoteTapeLibrary.connect("127.0.0.1", server.port(), 5000);
    return client;
  }

  @Override
  protected OptionalInt wormSlot() {
    return OptionalInt.of(worm);
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void conditionsCrossTheNetworkAsTheyAreAndALostServerIsAHardwareError() throws Exception {
    TapeLibrary lib = library();
    TapeDrive d = lib.drive(VirtualLibrary.FIRST_DRIVE);
    assertThatThrownBy(d::load)
        .isInstanceOf(TapeException.NotReady.class)
        .hasMessageContaining("is empty")
        .satisfies(e -> assertThat(((TapeException) e).retryable()).isTrue());
    assertThat(lib.name()).isEqualTo("remote");
    server.close();
    client.close();
    assertThatThrownBy(() -> d.writeBlock(ByteBuffer.wrap(new byte[10])))
        .isInstanceOf(TapeException.HardwareError.class)
        .hasMessageContaining("connection to the VTL");
  }

  @Test
  void theHelloIsTheMagicAndTheProtocolVersion() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    VtlProtocol.writeHello(new java.io.DataOutputStream(bytes));
    assertThat(java.util.HexFormat.of().formatHex(bytes.toByteArray())).isEqualTo("5356544c0002");
  }

  @Test
  void aPeerThatIsNotAVtlIsRefusedByName() throws Exception {
    try (java.net.ServerSocket web =
        new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t =
          new Thread(
              () -> {
                try (java.net.Socket c = web.accept()) {
                  c.getOutputStream()
                      .write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes("US-ASCII"));
                } catch (java.io.IOException ignored) {
                  // the test's own peer
                }
              });
      t.start();
      assertThatThrownBy(() -> RemoteTapeLibrary.connect("127.0.0.1", web.getLocalPort(), 5000))
          .isInstanceOf(java.net.ProtocolException.class)
          .hasMessageContaining("is not a Strata VTL");
      t.join(10_000);
    }
  }

  @Test
  void aClientOfAnotherProtocolVersionGetsTheServersHelloAndNothingMore() throws Exception {
    library();
    try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(10_000);
      java.io.DataOutputStream o = new java.io.DataOutputStream(s.getOutputStream());
      o.write(new byte[] {'S', 'V', 'T', 'L', 0, 1});
      o.writeByte(VtlProtocol.INVENTORY);
      o.writeShort(0);
      o.flush();
      java.io.DataInputStream i = new java.io.DataInputStream(s.getInputStream());
      assertThat(VtlProtocol.readHello(i)).isEqualTo(VtlProtocol.VERSION);
      assertThat(i.read()).as("the server closed the connection").isEqualTo(-1);
    }
  }
}
