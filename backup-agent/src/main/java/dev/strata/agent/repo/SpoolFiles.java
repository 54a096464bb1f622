package dev.strata.agent.repo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files a backup spools packs into before storing them. Every file it creates is
 * removed when the backup ends, however it ends; a process killed outright cannot, so each name
 * says which process made it ({@code strata-spool-<host tag>-<pid>-<start>-<random>.pack}) and the
 * next backup on the host removes exactly the files whose process is gone — never a file whose name
 * it did not make, of another host, of another user or of a process that still runs.
 */
final class SpoolFiles {
  static final String PREFIX = "strata-spool-";
  static final String SUFFIX = ".pack";
  private static final Pattern NAME =
      Pattern.compile(
          Pattern.quote(PREFIX) + "([0-9a-f]{8})-([0-9]+)-([0-9]+)-[0-9]+" + Pattern.quote(SUFFIX));

  private final Path dir;
  private final ProcessIdentity self;
  private final Set<Path> live = ConcurrentHashMap.newKeySet();

  SpoolFiles(Path dir, ProcessIdentity self) {
    this.dir = dir;
    this.self = self;
  }

  /** A new, empty spool file, readable by its owner only. */
  Path create() throws IOException {
    Path p;
    try {
      p =
          Files.createTempFile(
              dir, PREFIX + self.hostTag() + "-" + self.pid() + "-" + self.start() + "-", SUFFIX);
    } catch (IOException e) {
      throw new IOException(
          "cannot create a spool file in " + dir + ": " + describe(e) + " (set TMPDIR elsewhere?)",
          e);
    }
    live.add(p);
    return p;
  }

  void delete(Path p) throws IOException {
    Files.deleteIfExists(p);
    live.remove(p);
  }

  /** Removes every spool file this object created and has not removed yet. */
  void deleteAll() {
    for (Path p : List.copyOf(live)) {
      try {
        delete(p);
      } catch (IOException e) {
        // Nothing more can be done here; the next backup on this host removes it.
      }
    }
  }

  /**
   * Removes the spool files that processes of this host and user which no longer run left behind.
   *
   * @return the files removed
   */
  List<Path> removeLeftovers() throws IOException {
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return removed;
    }
    UserPrincipal me = null;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
      for (Path p : ds) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches() || !m.group(1).equals(self.hostTag())) {
          continue;
        }
        ProcessIdentity maker;
        try {
          maker =
              new ProcessIdentity(
                  self.host(), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
        } catch (NumberFormatException e) {
          continue; // digits beyond a long: not a name this class made
        }
        if (maker.pid() == self.pid() || !maker.goneOn(self.host())) {
          continue;
        }
        try {
          if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            continue;
          }
          if (me == null) {
            me = currentUser();
          }
          if (!Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).equals(me)) {
            continue;
          }
          Files.delete(p);
          removed.add(p);
        } catch (NoSuchFileException e) {
          // removed meanwhile
        }
      }
    }
    return removed;
  }

  private UserPrincipal currentUser() throws IOException {
    return dir.getFileSystem()
        .getUserPrincipalLookupService()
        .lookupPrincipalByName(System.getProperty("user.name"));
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
  }
}
