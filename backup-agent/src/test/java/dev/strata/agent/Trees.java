package dev.strata.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Builds source trees for tests and compares restored trees with them, metadata included. */
public final class Trees {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  private Trees() {}

  public static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  /**
   * A tree with every kind of entry: random and compressible files, duplicates, an empty file, an
   * empty directory, a symlink, a hard link, a Unicode name, odd permissions and times.
   */
  public static Path mixed(Path root) throws IOException {
    Path src = Files.createDirectories(root.resolve("src"));
    Files.write(src.resolve("random.bin"), random(3_000_000, 1));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 60_000; i++) {
      text.append("line ").append(i).append(" of a compressible text file\n");
    }
    Files.writeString(src.resolve("text.txt"), text);
    Path sub = Files.createDirectories(src.resolve("sub/deeper"));
    Files.write(sub.resolve("copy.bin"), random(3_000_000, 1));
    Files.write(src.resolve("empty"), new byte[0]);
    Files.createDirectories(src.resolve("empty-dir"));
    Files.createSymbolicLink(src.resolve("sub/link"), Path.of("../text.txt"));
    Files.createLink(src.resolve("sub/hard.txt"), src.resolve("text.txt"));
    Files.writeString(src.resolve("ünï cødé 📁.txt"), "héllo", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(
        src.resolve("random.bin"), PosixFilePermissions.fromString("rw-r-----"));
    Files.setPosixFilePermissions(
        src.resolve("sub/deeper"), PosixFilePermissions.fromString("rwx--x---"));
    Files.setLastModifiedTime(
        src.resolve("empty"), FileTime.from(Instant.parse("2001-02-03T04:05:06.123456789Z")));
    return src;
  }

  /** Type, content, permissions, modification time and link targets of every path below root. */
  public static Map<String, String> describe(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        String rel = root.relativize(p).toString();
        StringBuilder d = new StringBuilder();
        if (Files.isSymbolicLink(p)) {
          d.append("link -> ").append(Files.readSymbolicLink(p));
        } else {
          Map<String, Object> a = Files.readAttributes(p, "unix:*", NOFOLLOW);
          d.append(Files.isDirectory(p, NOFOLLOW) ? "dir" : "file")
              .append(' ')
              .append(PosixFilePermissions.toString(Files.getPosixFilePermissions(p, NOFOLLOW)))
              .append(" nlink=")
              .append(Files.isDirectory(p, NOFOLLOW) ? "-" : a.get("nlink"));
          if (Files.isRegularFile(p, NOFOLLOW)) {
            d.append(" mtime=")
                .append(Files.getLastModifiedTime(p, NOFOLLOW).toInstant())
                .append(" sha=")
                .append(sha(p));
          }
        }
        out.put(rel, d.toString());
      }
    }
    return out;
  }

  public static String sha(Path p) throws IOException {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      try (var in = Files.newInputStream(p)) {
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
          md.update(buf, 0, n);
        }
      }
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void assertSameTree(Path expected, Path actual) throws IOException {
    assertThat(describe(actual)).isEqualTo(describe(expected));
  }

  /** Where a restore puts {@code source}: its absolute path below the target. */
  public static Path restored(Path target, Path source) {
    return target.resolve(source.toAbsolutePath().toString().substring(1));
  }
}
