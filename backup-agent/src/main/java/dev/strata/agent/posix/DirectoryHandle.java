package dev.strata.agent.posix;

import com.sun.jna.LastErrorException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An open directory, and everything done to the entries directly in it: open a subdirectory, create
 * a directory, a file, a symbolic or a hard link, remove an entry, read or change an entry's
 * metadata. Every operation names one entry of this directory by its raw bytes — a name with {@code
 * /}, NUL, or that is {@code .} or {@code ..} is refused — and none follows a symbolic link:
 * opening a subdirectory that is a link fails, a new file is never created through a link, a link's
 * owner and times are its own. A tree walked from a root handle this way cannot be left, whatever
 * links are in it or appear in it while it is walked.
 *
 * <p>Not thread-safe; {@link #duplicate()} gives another thread its own handle.
 */
public final class DirectoryHandle extends Handle {
  private DirectoryHandle(int fd, String name) {
    super(fd, name);
  }

  /** Refuses a platform whose system calls this class does not know. */
  public static void requireSupport() {
    if (!Libc.SUPPORTED) {
      throw new UnsupportedOperationException(
          "this needs Linux on x86-64, AArch64 or RISC-V 64 (found "
              + System.getProperty("os.name")
              + " on "
              + System.getProperty("os.arch")
              + ")");
    }
  }

  /** Opens a directory the user named (links on the way to it are followed: it is their path). */
  public static DirectoryHandle open(Path dir) throws PosixException {
    requireSupport();
    byte[] raw = NativePaths.bytes(dir);
    try {
      int fd = Libc.open(cstring(raw), Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_CLOEXEC, 0);
      return new DirectoryHandle(fd, dir.toString());
    } catch (LastErrorException e) {
      throw new PosixException("open directory", dir.toString(), e.getErrorCode());
    }
  }

  private static byte[] entry(byte[] name) {
    if (name.length == 0
        || (name.length == 1 && name[0] == '.')
        || (name.length == 2 && name[0] == '.' && name[1] == '.')) {
      throw new IllegalArgumentException("not the name of an entry: '" + display(name) + "'");
    }
    for (byte b : name) {
      if (b == '/' || b == 0) {
        throw new IllegalArgumentException("a name with '/' or NUL: '" + display(name) + "'");
      }
    }
    return cstring(name);
  }

  private static String display(byte[] name) {
    return PosixException.display(name);
  }

  /**
   * Opens the subdirectory {@code name}; fails if it is anything else, a symbolic link included.
   */
  public DirectoryHandle openDirectory(byte[] name) throws PosixException {
    byte[] c = entry(name);
    try {
      int child =
          Libc.openat(
              fd, c, Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_NOFOLLOW | Libc.O_CLOEXEC, 0);
      return new DirectoryHandle(child, display(name));
    } catch (LastErrorException e) {
      throw PosixException.of("open directory", name, e);
    }
  }

  public void makeDirectory(byte[] name, int mode) throws PosixException {
    try {
      Libc.mkdirat(fd, entry(name), mode);
    } catch (LastErrorException e) {
      throw PosixException.of("create directory", name, e);
    }
  }

  /** Creates a new, empty regular file; fails if anything, even a dangling link, has the name. */
  public FileHandle createFile(byte[] name, int mode) throws PosixException {
    byte[] c = entry(name);
    try {
      int flags =
          Libc.O_WRONLY
              | Libc.O_CREAT
              | Libc.O_EXCL
              | Libc.O_NOFOLLOW
              | Libc.O_NOCTTY
              | Libc.O_CLOEXEC;
      return new FileHandle(Libc.openat(fd, c, flags, mode), display(name));
    } catch (LastErrorException e) {
      throw PosixException.of("create file", name, e);
    }
  }

  public void symlink(byte[] target, byte[] name) throws PosixException {
    try {
      Libc.symlinkat(cstring(target), fd, entry(name));
    } catch (LastErrorException e) {
      throw PosixException.of("create symbolic link", name, e);
    }
  }

  /**
   * Gives the entry {@code fromName} of {@code from} (not followed if a link) a further name here.
   */
  public void link(DirectoryHandle from, byte[] fromName, byte[] name) throws PosixException {
    try {
      Libc.linkat(from.fd, entry(fromName), fd, entry(name), 0);
    } catch (LastErrorException e) {
      throw PosixException.of("create hard link", name, e);
    }
  }

  /** Removes an entry that is not a directory. */
  public void unlink(byte[] name) throws PosixException {
    try {
      Libc.unlinkat(fd, entry(name), 0);
    } catch (LastErrorException e) {
      throw PosixException.of("remove", name, e);
    }
  }

  /** The entry's metadata (a link's own), or empty if there is none of that name. */
  public Optional<Stat> stat(byte[] name) throws PosixException {
    try {
      return Optional.of(statx(fd, entry(name), 0, display(name)));
    } catch (PosixException e) {
      if (e.notFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Changes the owner of the entry itself (a symbolic link's own owner, not its target's). */
  public void setOwner(byte[] name, int uid, int gid) throws PosixException {
    try {
      Libc.fchownat(fd, entry(name), uid, gid, Libc.AT_SYMLINK_NOFOLLOW);
    } catch (LastErrorException e) {
      throw PosixException.of("chown", name, e);
    }
  }

  /** Sets the entry's own modification time (a symbolic link's, not its target's). */
  public void setModificationTime(byte[] name, long seconds, int nanos) throws PosixException {
    try {
      Libc.utimensat(
          fd,
          entry(name),
          new long[] {0, Libc.UTIME_OMIT, seconds, nanos},
          Libc.AT_SYMLINK_NOFOLLOW);
    } catch (LastErrorException e) {
      throw PosixException.of("set the times of", name, e);
    }
  }

  /** Another handle on the same directory, for another thread. */
  public DirectoryHandle duplicate() throws PosixException {
    try {
      return new DirectoryHandle(Libc.fcntl(fd, Libc.F_DUPFD_CLOEXEC, 0), name);
    } catch (LastErrorException e) {
      throw new PosixException("duplicate the handle of", name, e.getErrorCode());
    }
  }
}
