package dev.strata.agent.posix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The C library calls the agent needs to work on file names as bytes and relative to directories it
 * holds open, never following a symbolic link it did not ask for (JNA direct mapping, so Strata
 * ships no native code). Every call that can fail throws a {@link LastErrorException} with errno.
 * Linux on a 64-bit machine only: {@code size_t}/{@code ssize_t}/{@code off_t} are Java {@code
 * long}s, {@code uid_t}/{@code mode_t} Java {@code int}s; paths are NUL-terminated byte arrays.
 */
final class Libc {
  private static final String ARCH = System.getProperty("os.arch", "");
  private static final boolean X86_64 = ARCH.equals("amd64") || ARCH.equals("x86_64");

  /** Whether this platform's flag values are known here (x86-64, or the generic Linux ABI). */
  static final boolean SUPPORTED =
      System.getProperty("os.name", "").equals("Linux")
          && (X86_64 || ARCH.equals("aarch64") || ARCH.equals("riscv64"));

  static final int O_RDONLY = 0;
  static final int O_WRONLY = 1;
  static final int O_CREAT = 0100;
  static final int O_EXCL = 0200;
  static final int O_NOCTTY = 0400;
  static final int O_DIRECTORY = X86_64 ? 0200000 : 040000;
  static final int O_NOFOLLOW = X86_64 ? 0400000 : 0100000;
  static final int O_CLOEXEC = 02000000;

  static final int AT_FDCWD = -100;
  static final int AT_SYMLINK_NOFOLLOW = 0x100;
  static final int AT_REMOVEDIR = 0x200;
  static final int AT_EMPTY_PATH = 0x1000;
  static final int F_DUPFD_CLOEXEC = 1030;
  static final int STATX_BASIC_STATS = 0x7ff;
  static final long UTIME_OMIT = (1L << 30) - 2;

  static final int ENOENT = 2;
  static final int EEXIST = 17;
  static final int ENOTDIR = 20;
  static final int EISDIR = 21;
  static final int ELOOP = 40;

  static {
    if (SUPPORTED) {
      Native.register(Libc.class, "c");
    }
  }

  private Libc() {}

  static native int open(byte[] path, int flags, int mode) throws LastErrorException;

  static native int openat(int dirfd, byte[] path, int flags, int mode) throws LastErrorException;

  static native int mkdirat(int dirfd, byte[] path, int mode) throws LastErrorException;

  static native int symlinkat(byte[] target, int dirfd, byte[] path) throws LastErrorException;

  static native int linkat(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, int flags)
      throws LastErrorException;

  static native int unlinkat(int dirfd, byte[] path, int flags) throws LastErrorException;

  static native int fchmod(int fd, int mode) throws LastErrorException;

  static native int fchown(int fd, int uid, int gid) throws LastErrorException;

  static native int fchownat(int dirfd, byte[] path, int uid, int gid, int flags)
      throws LastErrorException;

  /** {@code times}: access seconds, nanoseconds, modification seconds, nanoseconds. */
  static native int futimens(int fd, long[] times) throws LastErrorException;

  static native int utimensat(int dirfd, byte[] path, long[] times, int flags)
      throws LastErrorException;

  static native long pwrite(int fd, Pointer buf, long count, long offset) throws LastErrorException;

  static native int ftruncate(int fd, long length) throws LastErrorException;

  static native int close(int fd) throws LastErrorException;

  static native int fcntl(int fd, int cmd, int arg) throws LastErrorException;

  static native int statx(int dirfd, byte[] path, int flags, int mask, Pointer buf)
      throws LastErrorException;

  static native Pointer opendir(byte[] path) throws LastErrorException;

  static native Pointer readdir(Pointer dir) throws LastErrorException;

  static native int closedir(Pointer dir) throws LastErrorException;

  static native long readlink(byte[] path, byte[] buf, long size) throws LastErrorException;

  static native String strerror(int errno);
}
