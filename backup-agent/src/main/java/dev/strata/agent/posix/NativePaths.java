package dev.strata.agent.posix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * File names as the kernel has them: bytes. Java's {@link Path} keeps a name's bytes inside, but
 * turns them into a string through {@code sun.jnu.encoding} (U+FFFD for what is not UTF-8; "?" for
 * everything but ASCII in the C locale), so two names can become one string. This class reads
 * directories and link targets as bytes and converts between bytes and {@link Path}s through a
 * {@code file:} URI, whose percent-escapes carry raw bytes both ways.
 */
public final class NativePaths {
  /** Where {@code d_name} lies in glibc's and musl's {@code struct dirent} on 64-bit Linux. */
  private static final int D_NAME = 19;

  private NativePaths() {}

  /** The bytes of {@code p} made absolute, as the kernel sees them. */
  public static byte[] bytes(Path p) {
    String u = p.toAbsolutePath().toUri().getRawPath();
    ByteArrayOutputStream o = new ByteArrayOutputStream(u.length());
    for (int i = 0; i < u.length(); i++) {
      char c = u.charAt(i);
      if (c == '%' && i + 2 < u.length()) {
        o.write(HexFormat.fromHexDigits(u, i + 1, i + 3));
        i += 2;
      } else {
        o.write(c);
      }
    }
    byte[] b = o.toByteArray();
    // toUri() appends a '/' to a directory's path; no name ends with one.
    return b.length > 1 && b[b.length - 1] == '/' ? Arrays.copyOf(b, b.length - 1) : b;
  }

  /** The path whose bytes are exactly {@code absolute} (which must start with '/'). */
  public static Path path(byte[] absolute) {
    if (absolute.length == 0 || absolute[0] != '/') {
      throw new IllegalArgumentException("not an absolute path");
    }
    StringBuilder u = new StringBuilder(absolute.length + 16).append("file://");
    for (byte b : absolute) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '/'
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        u.append((char) c);
      } else {
        u.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
      }
    }
    return Path.of(URI.create(u.toString()));
  }

  /** The child of {@code dir} called exactly {@code name}. */
  public static Path child(Path dir, byte[] dirBytes, byte[] name) {
    byte[] full = Arrays.copyOf(dirBytes, dirBytes.length + 1 + name.length);
    int at = dirBytes.length;
    if (at == 1 && dirBytes[0] == '/') {
      full = Arrays.copyOf(dirBytes, 1 + name.length);
      at = 0;
    } else {
      full[at] = '/';
    }
    System.arraycopy(name, 0, full, at + 1, name.length);
    return path(full);
  }

  /** The names in a directory (not {@code .} and {@code ..}), in no particular order. */
  public static List<byte[]> list(byte[] dir) throws PosixException {
    DirectoryHandle.requireSupport();
    Pointer d;
    try {
      d = Libc.opendir(Handle.cstring(dir));
    } catch (LastErrorException e) {
      throw PosixException.of("list", dir, e);
    }
    List<byte[]> names = new ArrayList<>();
    try {
      Pointer e;
      while ((e = Libc.readdir(d)) != null) {
        int n = (int) e.indexOf(D_NAME, (byte) 0);
        byte[] name = e.getByteArray(D_NAME, n);
        if (!(n == 1 && name[0] == '.') && !(n == 2 && name[0] == '.' && name[1] == '.')) {
          names.add(name);
        }
      }
    } catch (LastErrorException e) {
      throw PosixException.of("list", dir, e);
    } finally {
      try {
        Libc.closedir(d);
      } catch (LastErrorException ignored) {
        // the listing is complete or has failed already
      }
    }
    return names;
  }

  /** The target of the symbolic link {@code link}, as bytes. */
  public static byte[] readLink(byte[] link) throws PosixException {
    DirectoryHandle.requireSupport();
    byte[] c = Handle.cstring(link);
    for (int size = 4096; ; size *= 4) {
      byte[] buf = new byte[size];
      long n;
      try {
        n = Libc.readlink(c, buf, size);
      } catch (LastErrorException e) {
        throw PosixException.of("read link", link, e);
      }
      if (n < size) {
        return Arrays.copyOf(buf, (int) n);
      }
    }
  }

  /** Unsigned byte order, for sorting names. */
  public static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }
}
