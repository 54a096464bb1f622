package dev.strata.disk;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Locations for the conformance suite's ownership tests: directories under a test's directory. */
final class LocalTestLocations {
  private final Path parent;
  private final AtomicInteger next = new AtomicInteger();

  LocalTestLocations(Path parent) {
    this.parent = parent;
  }

  /** A directory that does not exist yet. */
  URI fresh() {
    return parent.resolve("location-" + next.incrementAndGet()).toUri();
  }

  static void writeForeign(URI location, String relative, byte[] data) throws IOException {
    Path file = Path.of(location).resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, data);
    FileTime old = FileTime.from(Instant.now().minusSeconds(2 * 86_400));
    Files.setLastModifiedTime(file, old);
  }

  /** Every path under the location's parent, with its type, size, dates and content hash. */
  static Map<String, String> snapshot(URI location) throws IOException {
    return tree(Path.of(location).getParent());
  }

  /** Every path under {@code root} (itself included), with type, size, dates and content hash. */
  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        BasicFileAttributes a =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String what =
            (a.isDirectory() ? "dir" : a.isSymbolicLink() ? "link" : "file")
                + " size="
                + a.size()
                + " modified="
                + a.lastModifiedTime()
                + (a.isRegularFile() ? " sha256=" + Sha256.digest(Files.readAllBytes(p)) : "")
                + (a.isSymbolicLink() ? " -> " + Files.readSymbolicLink(p) : "");
        m.put("/" + root.relativize(p), what);
      }
    }
    return m;
  }
}
