package dev.strata.agent.posix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

/** A regular file open for writing, created by {@link DirectoryHandle#createFile}. */
public final class FileHandle extends Handle {
  private static final int BUFFER = 256 << 10;
  private static final int EIO = 5;

  /** Native memory to write from, one per thread (a write copies into it, then {@code pwrite}). */
  private static final ThreadLocal<Memory> BUFFERS =
      ThreadLocal.withInitial(() -> new Memory(BUFFER));

  FileHandle(int fd, String name) {
    super(fd, name);
  }

  /** Writes {@code len} bytes of {@code data} at {@code position}, all of them. */
  public void write(byte[] data, int off, int len, long position) throws PosixException {
    Memory buf = BUFFERS.get();
    while (len > 0) {
      int n = Math.min(len, BUFFER);
      buf.write(0, data, off, n);
      int done = 0;
      while (done < n) {
        long wrote;
        try {
          wrote = Libc.pwrite(fd, buf.share(done), n - done, position + done);
        } catch (LastErrorException e) {
          throw new PosixException("write", name, e.getErrorCode());
        }
        if (wrote <= 0) {
          throw new PosixException("write", name, EIO); // a regular file that takes nothing
        }
        done += (int) wrote;
      }
      off += n;
      len -= n;
      position += n;
    }
  }

  /** Sets the file's length: what lies beyond the last write becomes a hole. */
  public void truncate(long length) throws PosixException {
    try {
      Libc.ftruncate(fd, length);
    } catch (LastErrorException e) {
      throw new PosixException("set the length of", name, e.getErrorCode());
    }
  }
}
