package dev.strata.tape.st;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.strata.tape.linux.Libc;
import java.nio.ByteBuffer;

/**
 * The real device: open(2), read(2), write(2) and the MTIOCTOP / MTIOCGET / MTIOCPOS ioctls on a
 * Linux st node, through JNA. Heap buffers pass through one reused native buffer; direct buffers
 * are handed to the kernel as they are.
 */
public final class LinuxStDevice implements StDevice {
  private static final long MTIOCTOP = 0x40086d01L;
  private static final long MTIOCGET = 0x80306d02L;
  private static final long MTIOCPOS = 0x80086d03L;
  private static final long SG_IO = 0x2285L;
  private static final int SG_DXFER_FROM_DEV = -3;

  private final String path;
  private int fd = -1;
  private Memory bounce = new Memory(64 * 1024);
  private final Memory ioctlArgument = new Memory(48);

  public LinuxStDevice(String path) {
    this.path = path;
  }

  @Override
  public String path() {
    return path;
  }

  private StDeviceException failure(String call, LastErrorException e) {
    int errno = e.getErrorCode();
    return new StDeviceException(errno, path + ": " + call + ": " + Libc.get().strerror(errno));
  }

  private int fd() throws StDeviceException {
    if (fd < 0) {
      throw new StDeviceException(Libc.EINVAL, path + " is not open");
    }
    return fd;
  }

  @Override
  public void open() throws StDeviceException {
    if (fd >= 0) {
      return;
    }
    try {
      fd = Libc.get().open(path, Libc.O_RDWR | Libc.O_NONBLOCK);
    } catch (LastErrorException e) {
      throw failure("open", e);
    }
  }

  @Override
  public boolean isOpen() {
    return fd >= 0;
  }

  private Pointer bounce(int size) {
    if (bounce.size() < size) {
      bounce = new Memory(Math.max(size, bounce.size() * 2));
    }
    return bounce;
  }

  @Override
  public int write(ByteBuffer src) throws StDeviceException {
    int n = src.remaining();
    Pointer p;
    if (src.isDirect()) {
      p = Native.getDirectBufferPointer(src).share(src.position());
    } else {
      p = bounce(n);
      p.write(0, src.array(), src.arrayOffset() + src.position(), n);
    }
    try {
      int written = (int) Libc.get().write(fd(), p, n);
      src.position(src.position() + written);
      return written;
    } catch (LastErrorException e) {
      throw failure("write", e);
    }
  }

  @Override
  public int read(ByteBuffer dst) throws StDeviceException {
    int room = dst.remaining();
    Pointer p =
        dst.isDirect() ? Native.getDirectBufferPointer(dst).share(dst.position()) : bounce(room);
    int n;
    try {
      n = (int) Libc.get().read(fd(), p, room);
    } catch (LastErrorException e) {
      throw failure("read", e);
    }
    if (!dst.isDirect()) {
      p.read(0, dst.array(), dst.arrayOffset() + dst.position(), n);
    }
    dst.position(dst.position() + n);
    return n;
  }

  @Override
  public void op(MtOp op, int count) throws StDeviceException {
    ioctlArgument.clear();
    ioctlArgument.setShort(0, (short) op.code());
    ioctlArgument.setInt(4, count);
    try {
      Libc.get().ioctl(fd(), MTIOCTOP, ioctlArgument);
    } catch (LastErrorException e) {
      throw failure(op + " " + count, e);
    }
  }

  @Override
  public MtStatus status() throws StDeviceException {
    ioctlArgument.clear();
    try {
      Libc.get().ioctl(fd(), MTIOCGET, ioctlArgument);
    } catch (LastErrorException e) {
      throw failure("MTIOCGET", e);
    }
    return new MtStatus(
        ioctlArgument.getLong(0),
        ioctlArgument.getLong(8),
        ioctlArgument.getLong(16),
        ioctlArgument.getLong(24),
        ioctlArgument.getLong(32),
        ioctlArgument.getInt(40),
        ioctlArgument.getInt(44));
  }

  @Override
  public long position() throws StDeviceException {
    ioctlArgument.clear();
    try {
      Libc.get().ioctl(fd(), MTIOCPOS, ioctlArgument);
    } catch (LastErrorException e) {
      throw failure("MTIOCPOS", e);
    }
    return ioctlArgument.getLong(0);
  }

  @Override
  public byte[] modeSense(int page) throws StDeviceException {
    Memory header = new Memory(88);
    Memory cdb = new Memory(6);
    Memory data = new Memory(255);
    Memory sense = new Memory(32);
    header.clear();
    cdb.clear();
    cdb.setByte(0, (byte) 0x1A);
    cdb.setByte(1, (byte) 0x08); // no block descriptors
    cdb.setByte(2, (byte) page);
    cdb.setByte(4, (byte) 255);
    header.setInt(0, 'S');
    header.setInt(4, SG_DXFER_FROM_DEV);
    header.setByte(8, (byte) 6);
    header.setByte(9, (byte) 32);
    header.setInt(12, 255);
    header.setPointer(16, data);
    header.setPointer(24, cdb);
    header.setPointer(32, sense);
    header.setInt(40, 60_000);
    try {
      Libc.get().ioctl(fd(), SG_IO, header);
    } catch (LastErrorException e) {
      throw failure("MODE SENSE page " + page, e);
    }
    int status = header.getByte(64) & 0xFF;
    int host = header.getShort(68) & 0xFFFF;
    int driver = header.getShort(70) & 0xFFFF;
    if (status != 0 || host != 0 || driver != 0) {
      throw new StDeviceException(
          Libc.EIO,
          path
              + ": MODE SENSE page "
              + page
              + ": status "
              + status
              + ", sense key "
              + (sense.getByte(2) & 0x0F));
    }
    int length = 255 - header.getInt(72);
    return data.getByteArray(0, Math.max(0, Math.min(length, (data.getByte(0) & 0xFF) + 1)));
  }

  @Override
  public void close() throws StDeviceException {
    if (fd < 0) {
      return;
    }
    int f = fd;
    fd = -1;
    try {
      Libc.get().close(f);
    } catch (LastErrorException e) {
      throw failure("close", e);
    }
  }
}
