package dev.strata.tape.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The few C library calls the device drivers need (through JNA, so Strata ships no native code):
 * opening a device, reading and writing one SCSI block per call, tape ioctls, and mapping a UIO
 * device's memory. Every call reports failure as a {@link LastErrorException} carrying errno. Linux
 * on a 64-bit machine only: {@code size_t} and {@code long} are Java {@code long}s.
 */
public interface Libc extends Library {
  int O_RDWR = 2;
  int O_NONBLOCK = 0x800;
  int PROT_READ = 1;
  int PROT_WRITE = 2;
  int MAP_SHARED = 1;

  int EIO = 5;
  int ENOMEM = 12;
  int EACCES = 13;
  int EINVAL = 22;
  int ENOSPC = 28;
  int EROFS = 30;
  int ENOMEDIUM = 123;

  /** Loaded on first use, so code that never touches a device does not need libc through JNA. */
  final class Holder {
    static final Libc INSTANCE = Native.load("c", Libc.class);

    private Holder() {}
  }

  static Libc get() {
    return Holder.INSTANCE;
  }

  int open(String path, int flags) throws LastErrorException;

  int close(int fd) throws LastErrorException;

  long read(int fd, Pointer buffer, long count) throws LastErrorException;

  long write(int fd, Pointer buffer, long count) throws LastErrorException;

  int ioctl(int fd, long request, Pointer argument) throws LastErrorException;

  Pointer mmap(Pointer address, long length, int protection, int flags, int fd, long offset)
      throws LastErrorException;

  int munmap(Pointer address, long length) throws LastErrorException;

  String strerror(int errno);
}
