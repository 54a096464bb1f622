package dev.strata.agent.posix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

/**
 * An open file descriptor, whose metadata is changed through the descriptor itself ({@code fchown},
 * {@code fchmod}, {@code futimens}): whatever happens to names meanwhile, the change lands on the
 * object that was opened, never on what a name or a link points to now.
 */
public abstract sealed class Handle implements AutoCloseable permits DirectoryHandle, FileHandle {
  private static final byte[] EMPTY = {0};

  final int fd;
  final String name;
  private boolean closed;

  Handle(int fd, String name) {
    this.fd = fd;
    this.name = name;
  }

  /**
   * Changes the owner; {@code fchown} clears setuid and setgid, so call it before {@link #setMode}.
   */
  public void setOwner(int uid, int gid) throws PosixException {
    try {
      Libc.fchown(fd, uid, gid);
    } catch (LastErrorException e) {
      throw new PosixException("chown", name, e.getErrorCode());
    }
  }

  /** Sets the permission bits, setuid, setgid and sticky included. */
  public void setMode(int mode) throws PosixException {
    try {
      Libc.fchmod(fd, mode & 07777);
    } catch (LastErrorException e) {
      throw new PosixException("chmod", name, e.getErrorCode());
    }
  }

  /** Sets the modification time, leaving the access time as it is. */
  public void setModificationTime(long seconds, int nanos) throws PosixException {
    try {
      Libc.futimens(fd, new long[] {0, Libc.UTIME_OMIT, seconds, nanos});
    } catch (LastErrorException e) {
      throw new PosixException("set the times of", name, e.getErrorCode());
    }
  }

  public Stat stat() throws PosixException {
    return Handle.statx(fd, EMPTY, Libc.AT_EMPTY_PATH, name);
  }

  static Stat statx(int dirfd, byte[] cname, int flags, String name) throws PosixException {
    try (Memory buf = new Memory(256)) {
      Libc.statx(dirfd, cname, flags | Libc.AT_SYMLINK_NOFOLLOW, Libc.STATX_BASIC_STATS, buf);
      return new Stat(
          Short.toUnsignedInt(buf.getShort(28)),
          buf.getInt(20),
          buf.getInt(24),
          buf.getLong(32),
          ((long) buf.getInt(136) << 32) | Integer.toUnsignedLong(buf.getInt(140)),
          buf.getLong(40),
          buf.getLong(48),
          buf.getInt(16));
    } catch (LastErrorException e) {
      throw new PosixException("stat", name, e.getErrorCode());
    }
  }

  @Override
  public void close() throws PosixException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Libc.close(fd);
    } catch (LastErrorException e) {
      throw new PosixException("close", name, e.getErrorCode());
    }
  }

  /** The name as a NUL-terminated C string. */
  static byte[] cstring(byte[] b) {
    return java.util.Arrays.copyOf(b, b.length + 1);
  }
}
