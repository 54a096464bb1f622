package dev.strata.agent.posix;

import com.sun.jna.LastErrorException;
import java.io.IOException;

/** A system call failed; {@link #errno()} says why, the message says what and where. */
public final class PosixException extends IOException {
  private final int errno;

  PosixException(String operation, String name, int errno) {
    super(operation + (name.isEmpty() ? "" : " '" + name + "'") + ": " + describe(errno));
    this.errno = errno;
  }

  static PosixException of(String operation, byte[] name, LastErrorException e) {
    return new PosixException(operation, display(name), e.getErrorCode());
  }

  static String display(byte[] name) {
    int n = name.length > 0 && name[name.length - 1] == 0 ? name.length - 1 : name.length;
    return dev.strata.format.repo.PathBytes.display(
        dev.strata.format.repo.PathBytes.decode(name, 0, n));
  }

  private static String describe(int errno) {
    try {
      String s = Libc.strerror(errno);
      return s == null ? "errno " + errno : s;
    } catch (RuntimeException | LinkageError e) {
      return "errno " + errno;
    }
  }

  public int errno() {
    return errno;
  }

  /** The entry does not exist. */
  public boolean notFound() {
    return errno == Libc.ENOENT;
  }

  /** Something already has that name. */
  public boolean exists() {
    return errno == Libc.EEXIST;
  }

  /**
   * What was opened as a directory is something else: a file ({@code ENOTDIR}) or a symbolic link
   * that was not followed ({@code ELOOP}).
   */
  public boolean notADirectory() {
    return errno == Libc.ENOTDIR || errno == Libc.ELOOP;
  }
}
