package dev.strata.vtl;

import dev.strata.tape.CartridgeType;
import dev.strata.tape.DriveStatus;
import dev.strata.tape.ReadResult;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves a virtual library over TCP ({@link VtlProtocol}), so that a VTL can live in another data
 * center than the storage node that drives it. One thread per connection; the library serialises
 * the commands themselves. There is no authentication yet: bind it to loopback or a private
 * network.
 */
public final class VtlServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(VtlServer.class.getName());
  private static final int MAX_BLOCK = VirtualDrive.MAX_BLOCK;

  private final VirtualTapeLibrary library;
  private final ServerSocket socket;
  private final Thread acceptor;

  private VtlServer(VirtualTapeLibrary library, ServerSocket socket) {
    this.library = library;
    this.socket = socket;
    this.acceptor = new Thread(this::accept, "vtl-accept-" + socket.getLocalPort());
    this.acceptor.setDaemon(true);
  }

  /** Starts serving {@code library} on {@code address}:{@code port} (0: any free port). */
  public static VtlServer start(VirtualTapeLibrary library, InetAddress address, int port)
      throws IOException {
    ServerSocket s = new ServerSocket();
    s.bind(new InetSocketAddress(address, port));
    VtlServer server = new VtlServer(library, s);
    server.acceptor.start();
    return server;
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket c = socket.accept();
        c.setTcpNoDelay(true);
        Thread t = new Thread(() -> serve(c), "vtl-client-" + c.getPort());
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!socket.isClosed()) {
          LOG.log(Level.WARNING, "accepting a VTL client failed", e);
        }
      }
    }
  }

  private void serve(Socket c) {
    try (c;
        DataInputStream in =
            new DataInputStream(new BufferedInputStream(c.getInputStream(), 1 << 16));
        DataOutputStream out =
            new DataOutputStream(new BufferedOutputStream(c.getOutputStream(), 1 << 16))) {
      int version;
      try {
        version = VtlProtocol.readHello(in);
      } catch (IOException e) {
        LOG.log(Level.INFO, "refused a client of the VTL that is not one: " + e.getMessage());
        return;
      }
      VtlProtocol.writeHello(out);
      if (version != VtlProtocol.VERSION) {
        LOG.info(
            () ->
                "refused a VTL client speaking protocol version "
                    + version
                    + " (this server speaks "
                    + VtlProtocol.VERSION
                    + ")");
        return;
      }
      byte[] block = new byte[MAX_BLOCK];
      while (true) {
        int op;
        try {
          op = in.readUnsignedByte();
        } catch (EOFException e) {
          return; // the client closed the connection
        }
        int drive = in.readUnsignedShort();
        try {
          handle(op, drive, in, out, block);
        } catch (TapeException e) {
          out.writeByte(VtlProtocol.CONDITION);
          out.writeUTF(e.kind());
          out.writeUTF(e.getMessage());
        }
        out.flush();
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "VTL client connection ended", e);
    }
  }

  private void handle(int op, int address, DataInputStream in, DataOutputStream out, byte[] block)
      throws IOException {
    switch (op) {
      case VtlProtocol.NAME -> ok(out).writeUTF(library.name());
      case VtlProtocol.CAPABILITIES -> writeNames(ok(out), library.capabilities());
      case VtlProtocol.INVENTORY -> VtlProtocol.writeElements(ok(out), library.inventory());
      case VtlProtocol.RESCAN -> VtlProtocol.writeElements(ok(out), library.rescan());
      case VtlProtocol.MOVE -> {
        int from = in.readInt();
        int to = in.readInt();
        library.move(from, to);
        ok(out);
      }
      case VtlProtocol.CAPACITY_OF -> {
        String type = in.readUTF();
        CartridgeType t;
        try {
          t = CartridgeType.valueOf(type);
        } catch (IllegalArgumentException e) {
          throw new TapeException.IllegalRequest("no cartridge type " + type);
        }
        ok(out).writeLong(library.capacityOf(t));
      }
      default -> driveOp(op, library.drive(address), in, out, block);
    }
  }

  private static void driveOp(
      int op, TapeDrive d, DataInputStream in, DataOutputStream out, byte[] block)
      throws IOException {
    switch (op) {
      case VtlProtocol.DRIVE_NAME -> ok(out).writeUTF(d.name());
      case VtlProtocol.DRIVE_CAPABILITIES -> writeNames(ok(out), d.capabilities());
      case VtlProtocol.STATUS -> {
        DriveStatus s = d.status();
        DataOutputStream o = ok(out);
        o.writeBoolean(s.loaded());
        o.writeUTF(s.volume().map(Object::toString).orElse(""));
        o.writeLong(s.position());
        o.writeBoolean(s.writeProtected());
        o.writeBoolean(s.worm());
        o.writeBoolean(s.cleaningRequired());
      }
      case VtlProtocol.LOAD -> {
        d.load();
        ok(out);
      }
      case VtlProtocol.UNLOAD -> {
        d.unload();
        ok(out);
      }
      case VtlProtocol.REWIND -> {
        d.rewind();
        ok(out);
      }
      case VtlProtocol.WRITE -> {
        int n = in.readInt();
        if (n < 0 || n > block.length) {
          in.skipNBytes(Math.max(0, n));
          throw new TapeException.IllegalRequest(
              "a block holds at most " + block.length + " bytes");
        }
        in.readFully(block, 0, n);
        d.writeBlock(ByteBuffer.wrap(block, 0, n));
        ok(out);
      }
      case VtlProtocol.WRITE_FILEMARKS -> {
        d.writeFilemarks(in.readInt());
        ok(out);
      }
      case VtlProtocol.READ -> {
        int max = Math.min(in.readInt(), block.length);
        ReadResult r = d.readBlock(ByteBuffer.wrap(block, 0, max));
        DataOutputStream o = ok(out);
        o.writeBoolean(r.filemark());
        o.writeInt(r.length());
        o.write(block, 0, r.length());
      }
      case VtlProtocol.SPACE_BLOCKS -> {
        long n = in.readLong();
        ok(out).writeLong(d.spaceBlocks(n));
      }
      case VtlProtocol.SPACE_FILEMARKS -> {
        d.spaceFilemarks(in.readLong());
        ok(out);
      }
      case VtlProtocol.SPACE_EOD -> {
        d.spaceToEndOfData();
        ok(out);
      }
      case VtlProtocol.LOCATE -> {
        d.locate(in.readLong());
        ok(out);
      }
      case VtlProtocol.POSITION -> ok(out).writeLong(d.position());
      default -> throw new TapeException.IllegalRequest("unknown operation " + op);
    }
  }

  private static DataOutputStream ok(DataOutputStream out) throws IOException {
    out.writeByte(VtlProtocol.OK);
    return out;
  }

  private static void writeNames(DataOutputStream out, Set<? extends Enum<?>> names)
      throws IOException {
    out.writeInt(names.size());
    for (Enum<?> e : names) {
      out.writeUTF(e.name());
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
