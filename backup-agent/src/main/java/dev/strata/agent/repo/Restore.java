package dev.strata.agent.repo;

import dev.strata.agent.posix.DirectoryHandle;
import dev.strata.agent.posix.FileHandle;
import dev.strata.agent.posix.PosixException;
import dev.strata.agent.posix.Stat;
import dev.strata.disk.PackName;
import dev.strata.format.FormatException;
import dev.strata.format.repo.BlobCipher;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.Compression;
import dev.strata.format.repo.PackEntry;
import dev.strata.format.repo.PathBytes;
import dev.strata.format.repo.Snapshot;
import dev.strata.format.repo.TreeEntry;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Restores a snapshot, or the parts of it under given paths, into a target directory.
 *
 * <p>Safety: every entry is checked against the {@link TreeRules} before restore acts on it (a
 * relative path of names, in order, no duplicate, nothing under a non-directory, sane links), and
 * an entry that breaks them is skipped and reported. Everything below the target is reached from a
 * handle on the target, one name at a time, never through a symbolic link ({@link
 * DirectoryHandle}); files are created new (never written through an existing name), and mode,
 * owner and times are set through the handle of the object restore created, or on a link itself.
 * Nothing restore created is ever replaced by something of another kind. So neither a crafted
 * snapshot nor links planted in the target make restore change anything outside it.
 *
 * <p>Failures: one bad entry costs that entry (and what is under it); a file whose content cannot
 * be read back intact is removed and reported; any failure of any writer thread, an {@link Error}
 * included, is reported with the file's name. Damage the snapshot does not need (an unreadable pack
 * of other snapshots) is a warning, not a problem.
 *
 * <p>Files are written by a pool of writers; the blob buffers they hold at once are bounded by a
 * {@link MemoryBudget}, whatever their number. Runs of zeros of a file are left as holes (sparse
 * files stay sparse) unless {@link Options#sparse()} is off.
 */
public final class Restore {
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
  private static final int HOLE_BLOCK = 4096;

  /**
   * Writer threads at most, whatever is asked: each holds a native write buffer and file handles,
   * and more do not make one disk faster.
   */
  public static final int MAX_WRITERS = 64;

  private static final byte[] ZEROS = new byte[HOLE_BLOCK];
  private static final com.sun.security.auth.module.UnixSystem SELF =
      new com.sun.security.auth.module.UnixSystem();
  private static final int OWN_UID = (int) SELF.getUid();
  private static final int OWN_GID = (int) SELF.getGid();

  /**
   * How to restore.
   *
   * @param writers threads writing files
   * @param restoreOwners whether to give entries their recorded owner (needs root)
   * @param sparse whether to leave blocks of zeros as holes instead of writing them
   * @param memory bytes of blob buffers the writers may hold at once
   */
  public record Options(int writers, boolean restoreOwners, boolean sparse, long memory) {
    public Options {
      if (writers < 1) {
        throw new IllegalArgumentException("at least one writer");
      }
    }

    public static Options of(int writers, boolean restoreOwners) {
      return new Options(writers, restoreOwners, true, MemoryBudget.defaultBytes());
    }

    public Options withSparse(boolean on) {
      return new Options(writers, restoreOwners, on, memory);
    }
  }

  /**
   * What was restored and what was not.
   *
   * @param problems entries of the snapshot that were not restored (or not fully), and why
   * @param warnings what went wrong beside the snapshot (damage elsewhere in the repository)
   */
  public record Result(
      long files,
      long directories,
      long links,
      long bytes,
      List<String> problems,
      List<String> warnings) {}

  private final Repository repo;
  private final Options options;

  public Restore(Repository repo, int workers, boolean restoreOwners) {
    this(repo, Options.of(workers, restoreOwners));
  }

  public Restore(Repository repo, Options options) {
    this.repo = repo;
    this.options = options;
  }

  public Result run(Snapshot snapshot, Path target, List<String> includes, boolean overwrite)
      throws IOException, RepositoryException, InterruptedException {
    DirectoryHandle.requireSupport();
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
    List<String> wanted = includes.stream().map(Restore::normalizeInclude).toList();
    Map<PackName, String> unreadable = new HashMap<>();
    Map<BlobId, BlobLocation> index = repo.loadIndex(unreadable);
    List<String> warnings = new ArrayList<>();
    unreadable.forEach(
        (p, why) -> warnings.add("pack " + p + " is unreadable, its blobs are missing: " + why));
    try (DirectoryHandle top = DirectoryHandle.open(root)) {
      Run run = new Run(top, index, overwrite);
      running = run;
      run.entries(snapshot, wanted);
      run.hardLinks();
      run.directoryMetadata();
      return new Result(
          run.files.size(),
          run.directories.size(),
          run.links.sum(),
          run.bytes.sum(),
          run.problems.list(),
          List.copyOf(warnings));
    }
  }

  /** Problems, recorded from any thread; counted before they are described, so none is lost. */
  private static final class Problems {
    private final List<String> list = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger undescribed = new AtomicInteger();

    void add(String problem) {
      list.add(problem);
    }

    /** Records a failure even when describing it fails (after an {@link OutOfMemoryError}). */
    void failed(String path, Throwable t) {
      undescribed.incrementAndGet();
      list.add("'" + show(path) + "' not restored: " + describe(t));
      undescribed.decrementAndGet();
    }

    List<String> list() {
      List<String> out = new ArrayList<>(list);
      int n = undescribed.get();
      if (n > 0) {
        out.add(n + " more entries were not restored (their failures could not be described)");
      }
      return List.copyOf(out);
    }
  }

  private volatile Run running;

  /** Bytes written so far, for progress reports while it runs. */
  public long bytesDone() {
    Run r = running;
    return r == null ? 0 : r.bytes.sum();
  }

  /** Files begun so far. */
  public long filesDone() {
    Run r = running;
    return r == null ? 0 : r.files.size();
  }

  /** One restore: its handles, its writers and what it has done so far. */
  private final class Run {
    private final DirectoryHandle top;
    private final Map<BlobId, BlobLocation> index;
    private final boolean overwrite;
    private final Problems problems = new Problems();
    private final Set<String> files = ConcurrentHashMap.newKeySet();
    private final List<TreeEntry> directories = new ArrayList<>();
    private final List<TreeEntry> hardLinks = new ArrayList<>();
    private final LongAdder links = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final MemoryBudget memory = new MemoryBudget(options.memory());
    private final ThreadLocal<BlobCipher> ciphers = ThreadLocal.withInitial(repo::newCipher);

    Run(DirectoryHandle top, Map<BlobId, BlobLocation> index, boolean overwrite) {
      this.top = top;
      this.index = index;
      this.overwrite = overwrite;
    }

    /** Creates directories and symbolic links in tree order, and hands files to the writers. */
    void entries(Snapshot snapshot, List<String> wanted) throws IOException, InterruptedException {
      TreeReader tree = new TreeReader(repo, index, snapshot.trees());
      TreeRules rules = new TreeRules();
      int writers = Math.min(options.writers(), MAX_WRITERS);
      ExecutorService pool =
          Executors.newFixedThreadPool(
              writers,
              r -> {
                Thread t = new Thread(r, "strata-restore");
                t.setDaemon(true);
                return t;
              });
      Semaphore queued = new Semaphore(writers * 2);
      try (OpenDirectories dirs = new OpenDirectories(top)) {
        Optional<TreeEntry> next;
        while ((next = tree.next()).isPresent()) {
          TreeEntry e = next.get();
          Optional<String> broken = rules.check(e, tree.version());
          if (broken.isPresent()) {
            problems.add("skipped '" + show(e.path()) + "': " + broken.get());
            continue;
          }
          if (!included(e.path(), wanted)) {
            continue;
          }
          try {
            switch (e.kind()) {
              case DIRECTORY -> directory(dirs, e);
              case SYMLINK -> symlink(dirs.parentOf(e.path()), e);
              case HARDLINK -> hardLinks.add(e);
              case FILE -> {
                queued.acquire();
                DirectoryHandle parent;
                try {
                  parent = dirs.parentOf(e.path()).duplicate();
                } catch (IOException | RuntimeException ex) {
                  queued.release();
                  throw ex;
                }
                try {
                  pool.execute(
                      () -> {
                        try {
                          file(parent, e);
                        } finally {
                          queued.release();
                        }
                      });
                } catch (RuntimeException ex) {
                  queued.release();
                  parent.close();
                  throw ex;
                }
              }
            }
          } catch (IOException | RuntimeException ex) {
            problems.failed(e.path(), ex);
          }
        }
      } catch (FormatException ex) {
        problems.add(
            "the snapshot's tree is damaged, the restore stopped early: " + ex.getMessage());
      } finally {
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
          // writers finish what they hold; nothing to do but wait
        }
      }
    }

    private void directory(OpenDirectories dirs, TreeEntry e) throws IOException {
      DirectoryHandle parent = dirs.parentOf(e.path());
      byte[] name = OpenDirectories.name(e.path());
      try {
        parent.makeDirectory(name, 0700);
      } catch (PosixException x) {
        if (!x.exists()) {
          throw x;
        }
        // Only in a target that was not empty: the tree has no duplicates.
        Optional<Stat> there = parent.stat(name);
        if (there.isEmpty() || !there.get().isDirectory()) {
          makeRoom(parent, name, e);
          parent.makeDirectory(name, 0700);
        }
      }
      dirs.open(e.path());
      directories.add(e);
    }

    /**
     * Removes what is in the way of a new entry in a target that was not empty, if {@code
     * --overwrite} allows it: never a directory (its content is not ours to delete).
     */
    private void makeRoom(DirectoryHandle parent, byte[] name, TreeEntry e) throws IOException {
      Optional<Stat> there = parent.stat(name);
      if (there.isEmpty()) {
        return;
      }
      if (!overwrite) {
        throw new IOException("something is in the way (the target was changed meanwhile)");
      }
      if (there.get().isDirectory()) {
        throw new IOException("a directory of that name is in the way in the target");
      }
      parent.unlink(name);
    }

    private void symlink(DirectoryHandle parent, TreeEntry e) throws IOException {
      byte[] name = OpenDirectories.name(e.path());
      try {
        parent.symlink(e.linkTargetBytes(), name);
      } catch (PosixException x) {
        if (!x.exists()) {
          throw x;
        }
        makeRoom(parent, name, e);
        parent.symlink(e.linkTargetBytes(), name);
      }
      if (options.restoreOwners() && (e.uid() != OWN_UID || e.gid() != OWN_GID)) {
        parent.setOwner(name, e.uid(), e.gid());
      }
      parent.setModificationTime(name, e.mtimeSeconds(), e.mtimeNanos());
      links.increment();
    }

    /** Runs on a writer: writes one file and closes {@code parent}; never throws. */
    private void file(DirectoryHandle parent, TreeEntry e) {
      try (parent) {
        for (BlobId id : e.chunks()) {
          if (!index.containsKey(id)) {
            problems.add(
                "'"
                    + show(e.path())
                    + "' not restored: chunk "
                    + id.shortForm()
                    + " is missing from the repository");
            return;
          }
        }
        byte[] name = OpenDirectories.name(e.path());
        FileHandle f;
        try {
          f = parent.createFile(name, 0600);
        } catch (PosixException x) {
          if (!x.exists()) {
            throw x;
          }
          makeRoom(parent, name, e);
          f = parent.createFile(name, 0600);
        }
        boolean done = false;
        try (FileHandle out = f) {
          long written = content(out, e);
          metadata(out, e);
          bytes.add(written);
          done = true;
        } finally {
          if (!done) {
            try {
              parent.unlink(name);
            } catch (PosixException | RuntimeException ignored) {
              // reported with the failure that left it behind
            }
          }
        }
        files.add(e.path());
      } catch (Throwable t) {
        problems.failed(e.path(), t);
      }
    }

    /** Writes a file's chunks in order; returns its length. */
    private long content(FileHandle out, TreeEntry e)
        throws IOException, FormatException, InterruptedException {
      BlobCipher cipher = ciphers.get();
      long position = 0;
      for (BlobId id : e.chunks()) {
        BlobLocation at = index.get(id);
        int held = memory.acquire(cost(at.entry()));
        try {
          byte[] data = repo.readBlob(at, cipher);
          write(out, data, position);
          position += data.length;
        } finally {
          memory.release(held);
        }
      }
      if (position != e.size()) {
        throw new FormatException(
            "its content is " + position + " bytes long, the snapshot says " + e.size());
      }
      if (options.sparse()) {
        out.truncate(position); // a hole at the end is not written, so the length is set here
      }
      return position;
    }

    /**
     * Writes {@code data} at {@code position}, leaving out every block of zeros (aligned with the
     * file) when sparse: what is not written of a new file reads as zeros, and takes no space.
     */
    private void write(FileHandle out, byte[] data, long position) throws PosixException {
      if (!options.sparse()) {
        out.write(data, 0, data.length, position);
        return;
      }
      int run = -1;
      int at = 0;
      while (at < data.length) {
        int n = (int) Math.min(data.length - at, HOLE_BLOCK - (position + at) % HOLE_BLOCK);
        boolean zeros = Arrays.mismatch(data, at, at + n, ZEROS, 0, n) < 0;
        if (zeros && run >= 0) {
          out.write(data, run, at - run, position + run);
          run = -1;
        } else if (!zeros && run < 0) {
          run = at;
        }
        at += n;
      }
      if (run >= 0) {
        out.write(data, run, data.length - run, position + run);
      }
    }

    private void metadata(dev.strata.agent.posix.Handle h, TreeEntry e) throws PosixException {
      // What this process creates is its own already; only other owners need a chown, which
      // clears setuid and setgid: so owner first, then mode, then times.
      if (options.restoreOwners() && (e.uid() != OWN_UID || e.gid() != OWN_GID)) {
        h.setOwner(e.uid(), e.gid());
      }
      h.setMode(e.mode());
      h.setModificationTime(e.mtimeSeconds(), e.mtimeNanos());
    }

    /** Hard links, once the files they name are written. */
    void hardLinks() {
      try (OpenDirectories sources = new OpenDirectories(top);
          OpenDirectories dirs = new OpenDirectories(top)) {
        for (TreeEntry e : hardLinks) {
          try {
            if (!files.contains(e.linkTarget())) {
              problems.add(
                  "hard link '"
                      + show(e.path())
                      + "' not restored: its file '"
                      + show(e.linkTarget())
                      + "' was not restored");
              continue;
            }
            DirectoryHandle from = sources.parentOf(e.linkTarget());
            byte[] fromName = OpenDirectories.name(e.linkTarget());
            Optional<Stat> source = from.stat(fromName);
            if (source.isEmpty() || !source.get().isRegularFile()) {
              throw new IOException("its file is no longer a regular file");
            }
            DirectoryHandle parent = dirs.parentOf(e.path());
            byte[] name = OpenDirectories.name(e.path());
            try {
              parent.link(from, fromName, name);
            } catch (PosixException x) {
              if (!x.exists()) {
                throw x;
              }
              makeRoom(parent, name, e);
              parent.link(from, fromName, name);
            }
            links.increment();
          } catch (IOException | RuntimeException ex) {
            problems.failed(e.path(), ex);
          }
        }
      }
    }

    /**
     * Directories last, deepest first (the tree's order reversed), so that restoring their contents
     * does not change their times and a read-only directory is filled before it is made read-only.
     */
    void directoryMetadata() {
      try (OpenDirectories dirs = new OpenDirectories(top)) {
        for (int i = directories.size() - 1; i >= 0; i--) {
          TreeEntry d = directories.get(i);
          try {
            metadata(dirs.open(d.path()), d);
          } catch (IOException | RuntimeException ex) {
            problems.failed(d.path(), ex);
          }
        }
      }
    }
  }

  /** Bytes a blob occupies while it is restored: sealed, opened, and decompressed. */
  private static long cost(PackEntry e) {
    return (long) e.length()
        + e.rawLength()
        + (e.compression() == Compression.ZSTD ? e.rawLength() : 0);
  }

  private static String show(String path) {
    return PathBytes.display(path);
  }

  private static String describe(Throwable t) {
    if (t instanceof IOException || t instanceof FormatException) {
      return t.getMessage() == null ? t.toString() : t.getMessage();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
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
