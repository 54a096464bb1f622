package dev.strata.vtl;

import dev.strata.tape.Barcode;
import dev.strata.tape.CartridgeType;
import dev.strata.tape.DriveCapability;
import dev.strata.tape.DriveStatus;
import dev.strata.tape.Element;
import dev.strata.tape.LibraryCapability;
import dev.strata.tape.ReadResult;
import dev.strata.tape.TapeDrive;
import dev.strata.tape.TapeException;
import dev.strata.tape.TapeLibrary;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A library served by a {@link VtlServer} elsewhere ({@code vtl://host:port}), behind the same SPI
 * as a local one: the same answers, the same conditions. One connection, one command at a time. A
 * broken connection is a {@link TapeException.HardwareError}: the caller cannot know whether the
 * command in flight took effect, and must read the position or inventory again.
 */
public final class RemoteTapeLibrary implements TapeLibrary, AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;
  private final String endpoint;

  private RemoteTapeLibrary(Socket socket, String endpoint) throws IOException {
    this.socket = socket;
    this.endpoint = endpoint;
    this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
    this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
  }

  public static RemoteTapeLibrary connect(String host, int port, int timeoutMillis)
      throws IOException {
    Socket s = new Socket();
    try {
      s.connect(new InetSocketAddress(host, port), timeoutMillis);
      s.setTcpNoDelay(true);
      RemoteTapeLibrary r = new RemoteTapeLibrary(s, host + ":" + port);
      r.hello(timeoutMillis);
      return r;
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /** Exchanges hellos: the server must be a Strata VTL speaking this build's protocol version. */
  private void hello(int timeoutMillis) throws IOException {
    socket.setSoTimeout(timeoutMillis);
    VtlProtocol.writeHello(out);
    int version;
    try {
      version = VtlProtocol.readHello(in);
    } catch (java.net.ProtocolException e) {
      throw new java.net.ProtocolException("vtl://" + endpoint + ": " + e.getMessage());
    } catch (java.io.EOFException | java.net.SocketTimeoutException e) {
      throw new java.net.ProtocolException(
          "vtl://" + endpoint + " did not answer as a Strata VTL: " + e);
    }
    if (version != VtlProtocol.VERSION) {
      throw new java.net.ProtocolException(
          "vtl://"
              + endpoint
              + " speaks VTL protocol version "
              + version
              + "; this build speaks "
              + VtlProtocol.VERSION);
    }
    socket.setSoTimeout(0); // a robot's move or a long space may take minutes
  }

  /** Writes a request by {@code body}, then reads the status; a condition is raised again. */
  private interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  private DataInputStream call(int op, int drive, Body body) throws TapeException {
    try {
      out.writeByte(op);
      out.writeShort(drive);
      body.write(out);
      out.flush();
      int status = in.readUnsignedByte();
      if (status == VtlProtocol.CONDITION) {
        throw TapeException.fromWire(in.readUTF(), in.readUTF());
      }
      return in;
    } catch (TapeException e) {
      throw e;
    } catch (IOException e) {
      throw new TapeException.HardwareError(
          "connection to the VTL at " + endpoint + " failed: " + e);
    }
  }

  private DataInputStream call(int op, int drive) throws TapeException {
    return call(op, drive, o -> {});
  }

  private static <E extends Enum<E>> Set<E> names(DataInputStream in, Class<E> type)
      throws IOException {
    Set<E> s = EnumSet.noneOf(type);
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      s.add(Enum.valueOf(type, in.readUTF()));
    }
    return s;
  }

  private interface Reply<T> {
    T read(DataInputStream in) throws IOException;
  }

  private synchronized <T> T ask(int op, int drive, Body body, Reply<T> reply)
      throws TapeException {
    DataInputStream r = call(op, drive, body);
    try {
      return reply.read(r);
    } catch (IOException e) {
      throw new TapeException.HardwareError(
          "connection to the VTL at " + endpoint + " failed: " + e);
    }
  }

  private synchronized void tell(int op, int drive, Body body) throws TapeException {
    call(op, drive, body);
  }

  @Override
  public String name() {
    try {
      return ask(VtlProtocol.NAME, 0, o -> {}, i -> i.readUTF());
    } catch (TapeException e) {
      return "vtl://" + endpoint;
    }
  }

  @Override
  public Set<LibraryCapability> capabilities() {
    try {
      return ask(VtlProtocol.CAPABILITIES, 0, o -> {}, i -> names(i, LibraryCapability.class));
    } catch (TapeException e) {
      return EnumSet.noneOf(LibraryCapability.class);
    }
  }

  @Override
  public List<Element> inventory() throws TapeException {
    return ask(VtlProtocol.INVENTORY, 0, o -> {}, VtlProtocol::readElements);
  }

  @Override
  public List<Element> rescan() throws TapeException {
    return ask(VtlProtocol.RESCAN, 0, o -> {}, VtlProtocol::readElements);
  }

  @Override
  public void move(int from, int to) throws TapeException {
    tell(
        VtlProtocol.MOVE,
        0,
        o -> {
          o.writeInt(from);
          o.writeInt(to);
        });
  }

  @Override
  public long capacityOf(CartridgeType type) throws TapeException {
    return ask(VtlProtocol.CAPACITY_OF, 0, o -> o.writeUTF(type.name()), DataInputStream::readLong);
  }

  @Override
  public TapeDrive drive(int address) throws TapeException {
    String name = ask(VtlProtocol.DRIVE_NAME, address, o -> {}, i -> i.readUTF());
    return new Drive(address, name);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** A drive of the remote library. */
  private final class Drive implements TapeDrive {
    private final int address;
    private final String name;

    Drive(int address, String name) {
      this.address = address;
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Set<DriveCapability> capabilities() {
      try {
        Set<DriveCapability> c =
            ask(
                VtlProtocol.DRIVE_CAPABILITIES,
                address,
                o -> {},
                i -> names(i, DriveCapability.class));
        // The protocol has no immediate filemark: over the network they are synchronous.
        c.remove(DriveCapability.IMMEDIATE_FILEMARKS);
        return c;
      } catch (TapeException e) {
        return EnumSet.noneOf(DriveCapability.class);
      }
    }

    @Override
    public DriveStatus status() throws TapeException {
      return ask(
          VtlProtocol.STATUS,
          address,
          o -> {},
          i -> {
            boolean loaded = i.readBoolean();
            String volume = i.readUTF();
            return new DriveStatus(
                loaded,
                volume.isEmpty() ? Optional.empty() : Optional.of(Barcode.of(volume)),
                i.readLong(),
                i.readBoolean(),
                i.readBoolean(),
                i.readBoolean());
          });
    }

    @Override
    public void load() throws TapeException {
      tell(VtlProtocol.LOAD, address, o -> {});
    }

    @Override
    public void unload() throws TapeException {
      tell(VtlProtocol.UNLOAD, address, o -> {});
    }

    @Override
    public void rewind() throws TapeException {
      tell(VtlProtocol.REWIND, address, o -> {});
    }

    @Override
    public void writeBlock(ByteBuffer block) throws TapeException {
      tell(
          VtlProtocol.WRITE,
          address,
          o -> {
            ByteBuffer b = block.duplicate();
            o.writeInt(b.remaining());
            if (b.hasArray()) {
              o.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
            } else {
              byte[] copy = new byte[b.remaining()];
              b.get(copy);
              o.write(copy);
            }
          });
      block.position(block.limit());
    }

    @Override
    public void writeFilemarks(int count) throws TapeException {
      tell(VtlProtocol.WRITE_FILEMARKS, address, o -> o.writeInt(count));
    }

    @Override
    public ReadResult readBlock(ByteBuffer dst) throws TapeException {
      return ask(
          VtlProtocol.READ,
          address,
          o -> o.writeInt(dst.remaining()),
          i -> {
            boolean filemark = i.readBoolean();
            int n = i.readInt();
            byte[] data = new byte[n];
            i.readFully(data);
            dst.put(data);
            return filemark ? ReadResult.FILEMARK : ReadResult.block(n);
          });
    }

    @Override
    public long spaceBlocks(long count) throws TapeException {
      return ask(
          VtlProtocol.SPACE_BLOCKS, address, o -> o.writeLong(count), DataInputStream::readLong);
    }

    @Override
    public void spaceFilemarks(long count) throws TapeException {
      tell(VtlProtocol.SPACE_FILEMARKS, address, o -> o.writeLong(count));
    }

    @Override
    public void spaceToEndOfData() throws TapeException {
      tell(VtlProtocol.SPACE_EOD, address, o -> {});
    }

    @Override
    public void locate(long position) throws TapeException {
      tell(VtlProtocol.LOCATE, address, o -> o.writeLong(position));
    }

    @Override
    public long position() throws TapeException {
      return ask(VtlProtocol.POSITION, address, o -> {}, DataInputStream::readLong);
    }
  }
}
