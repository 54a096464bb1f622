package dev.strata.agent.repo;

import dev.strata.format.FormatException;
import dev.strata.format.repo.BlobCipher;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.Snapshot;
import dev.strata.format.repo.TreeEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Restores a snapshot, or the parts of it under given paths, into a target directory.
 *
 * <p>Safety: every entry's path must be relative and free of {@code .} and {@code ..} segments; the
 * directories it is written through must be real directories created or found under the target,
 * never symbolic links; symbolic links are created last, so no entry is ever written through one.
 * An entry that breaks a rule is skipped and reported. A file whose content cannot be read back
 * intact (a damaged or missing pack) is not left behind half-written: it is removed and reported,
 * and the restore goes on with the other files.
 *
 * <p>Files are restored by a pool of writers, each reading, decrypting and writing one file's
 * chunks in order; the number of files in flight is bounded.
 */
public final class Restore {
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
  private static final int WRITERS_PER_CORE = 1;
  private static final com.sun.security.auth.module.UnixSystem SELF =
      new com.sun.security.auth.module.UnixSystem();
  private static final long OWN_UID = SELF.getUid();
  private static final long OWN_GID = SELF.getGid();

  /** What was restored and what was not. */
  public record Result(
      long files, long directories, long links, long bytes, List<String> problems) {}

  private final Repository repo;
  private final int workers;
  private final boolean restoreOwners;

  public Restore(Repository repo, int workers, boolean restoreOwners) {
    this.repo = repo;
    this.workers = workers;
    this.restoreOwners = restoreOwners;
  }

  public Result run(Snapshot snapshot, Path target, List<String> includes, boolean overwrite)
      throws IOException, RepositoryException, InterruptedException {
    Path root = target.toAbsolutePath().normalize();
    if (Files.exists(root, NOFOLLOW)) {
      if (!Files.isDirectory(root, NOFOLLOW)) {
        throw new RepositoryException("the target " + root + " is not a directory");
      }
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
        if (ds.iterator().hasNext() && !overwrite) {
          throw new RepositoryException(
              "the target " + root + " is not empty; give --overwrite to restore into it anyway");
        }
      }
    } else {
      Files.createDirectories(root);
    }
    root = root.toRealPath();
    List<String> wanted = includes.stream().map(Restore::normalizeInclude).toList();
    Map<dev.strata.disk.PackName, String> unreadable = new java.util.HashMap<>();
    Map<BlobId, BlobLocation> index = repo.loadIndex(unreadable);
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    unreadable.forEach((p, why) -> problems.add("pack " + p + " unreadable: " + why));
    TreeReader tree = new TreeReader(repo, index, snapshot.trees());
    // Files are restored by several writers at once: creating and filling files waits on the
    // file system more than on the processor.
    ExecutorService pool = Executors.newFixedThreadPool(workers * WRITERS_PER_CORE);
    Semaphore queued = new Semaphore(workers * WRITERS_PER_CORE * 2);
    ThreadLocal<BlobCipher> ciphers = ThreadLocal.withInitial(repo::newCipher);
    List<TreeEntry> links = new ArrayList<>();
    Deque<TreeEntry> directories = new ArrayDeque<>();
    Set<String> restoredFiles = ConcurrentHashMap.newKeySet();
    LongAdder bytes = new LongAdder();
    // Directories known to be real directories inside the target: created or checked by this
    // restore, and no symlink exists until the last phase, so they need no second look.
    Set<Path> safeDirs = new java.util.HashSet<>();
    safeDirs.add(root);
    try {
      Optional<TreeEntry> next;
      while ((next = tree.next()).isPresent()) {
        TreeEntry e = next.get();
        if (!included(e.path(), wanted)) {
          continue;
        }
        Optional<String> unsafe = unsafe(e.path());
        if (unsafe.isPresent()) {
          problems.add("skipped entry '" + e.path() + "': " + unsafe.get());
          continue;
        }
        Path p = root.resolve(e.path());
        try {
          if (!safeDirs.contains(p.getParent()) && !parentIsSafe(root, p)) {
            problems.add(
                "skipped '" + e.path() + "': a parent is not a directory inside the target");
            continue;
          }
          safeDirs.add(p.getParent());
          switch (e.kind()) {
            case DIRECTORY -> {
              if (!Files.isDirectory(p, NOFOLLOW)) {
                Files.deleteIfExists(p);
                Files.createDirectory(p);
              }
              safeDirs.add(p);
              directories.push(e);
            }
            case FILE -> {
              queued.acquire();
              pool.execute(
                  () -> {
                    try {
                      Optional<String> failed = writeFile(p, e, index, ciphers.get());
                      if (failed.isPresent()) {
                        problems.add("file '" + e.path() + "' not restored: " + failed.get());
                      } else {
                        metadata(p, e);
                        bytes.add(e.size());
                        restoredFiles.add(e.path());
                      }
                    } catch (IOException | RuntimeException ex) {
                      problems.add("'" + e.path() + "' not restored: " + ex);
                    } finally {
                      queued.release();
                    }
                  });
            }
            case SYMLINK, HARDLINK -> links.add(e);
          }
        } catch (IOException ex) {
          problems.add("'" + e.path() + "' not restored: " + ex);
        }
      }
    } catch (FormatException ex) {
      problems.add("the snapshot's tree is damaged, the restore stopped early: " + ex.getMessage());
    } finally {
      pool.shutdown();
      pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }
    long linkCount = 0;
    for (TreeEntry e : links) {
      Path p = root.resolve(e.path());
      try {
        if (!parentIsSafe(root, p)) {
          problems.add("skipped '" + e.path() + "': a parent is not a directory inside the target");
          continue;
        }
        Files.deleteIfExists(p);
        if (e.kind() == TreeEntry.Kind.SYMLINK) {
          Files.createSymbolicLink(p, Path.of(e.linkTarget()));
          setTimes(p, e);
        } else {
          if (!restoredFiles.contains(e.linkTarget()) || unsafe(e.linkTarget()).isPresent()) {
            problems.add("hard link '" + e.path() + "' not restored: its file was not restored");
            continue;
          }
          Files.createLink(p, root.resolve(e.linkTarget()));
        }
        linkCount++;
      } catch (IOException | UnsupportedOperationException ex) {
        problems.add("link '" + e.path() + "' not restored: " + ex);
      }
    }
    // Directories last, deepest first, so writing their contents does not change their times.
    long dirCount = directories.size();
    while (!directories.isEmpty()) {
      TreeEntry d = directories.pop();
      metadata(root.resolve(d.path()), d);
    }
    return new Result(
        restoredFiles.size(), dirCount, linkCount, bytes.sum(), List.copyOf(problems));
  }

  /** Writes one file from its chunks; on failure removes what it wrote and says why. */
  private Optional<String> writeFile(
      Path p, TreeEntry e, Map<BlobId, BlobLocation> index, BlobCipher cipher) throws IOException {
    for (BlobId id : e.chunks()) {
      if (!index.containsKey(id)) {
        return Optional.of("chunk " + id.shortForm() + " is missing from the repository");
      }
    }
    if (Files.exists(p, NOFOLLOW) && !Files.isRegularFile(p, NOFOLLOW)) {
      deleteRecursively(p);
    }
    boolean ok = false;
    try (OutputStream out =
        Files.newOutputStream(
            p,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      for (BlobId id : e.chunks()) {
        out.write(repo.readBlob(index.get(id), cipher));
      }
      ok = true;
    } catch (FormatException ex) {
      return Optional.of(ex.getMessage());
    } finally {
      if (!ok) {
        Files.deleteIfExists(p);
      }
    }
    return Optional.empty();
  }

  private void metadata(Path p, TreeEntry e) throws IOException {
    // What this process creates is its own already; only other owners need a chown.
    if (restoreOwners && e.uid() != OWN_UID) {
      Files.setAttribute(p, "unix:uid", e.uid(), NOFOLLOW);
    }
    if (restoreOwners && e.gid() != OWN_GID) {
      Files.setAttribute(p, "unix:gid", e.gid(), NOFOLLOW);
    }
    Files.setPosixFilePermissions(p, permissions(e.mode()));
    if ((e.mode() & 07000) != 0) {
      Files.setAttribute(p, "unix:mode", e.mode(), NOFOLLOW);
    }
    setTimes(p, e);
  }

  private static void setTimes(Path p, TreeEntry e) throws IOException {
    FileTime t = FileTime.from(Instant.ofEpochSecond(e.mtimeSeconds(), e.mtimeNanos()));
    Files.getFileAttributeView(p, java.nio.file.attribute.BasicFileAttributeView.class, NOFOLLOW)
        .setTimes(t, null, null);
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int i = 0; i < order.length; i++) {
      if ((mode & (1 << i)) != 0) {
        s.add(order[i]);
      }
    }
    return s;
  }

  /** Why a path from a manifest must not be restored, if it must not. */
  static Optional<String> unsafe(String path) {
    if (path.startsWith("/")) {
      return Optional.of("absolute path");
    }
    for (String seg : path.split("/", -1)) {
      if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
        return Optional.of("path with an empty, '.' or '..' segment");
      }
    }
    return Optional.empty();
  }

  /** Whether every existing ancestor of {@code p} below {@code root} is a real directory. */
  private static boolean parentIsSafe(Path root, Path p) throws IOException {
    Path parent = p.getParent();
    if (!p.normalize().startsWith(root) || parent == null) {
      return false;
    }
    for (Path a = parent; !a.equals(root); a = a.getParent()) {
      if (a == null || !a.startsWith(root)) {
        return false;
      }
      if (Files.exists(a, NOFOLLOW) && !Files.isDirectory(a, NOFOLLOW)) {
        return false;
      }
    }
    Files.createDirectories(parent);
    return true;
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (Files.isDirectory(p, NOFOLLOW)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
        for (Path c : ds) {
          deleteRecursively(c);
        }
      }
    }
    Files.delete(p);
  }

  private static String normalizeInclude(String include) {
    return Backup.relative(Path.of(include).normalize().toString()).replaceAll("/+$", "");
  }

  private static boolean included(String path, List<String> wanted) {
    if (wanted.isEmpty()) {
      return true;
    }
    for (String w : wanted) {
      if (w.isEmpty() || path.equals(w) || path.startsWith(w + "/") || w.startsWith(path + "/")) {
        return true;
      }
    }
    return false;
  }
}
