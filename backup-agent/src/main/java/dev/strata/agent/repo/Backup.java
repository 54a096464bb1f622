package dev.strata.agent.repo;

import dev.strata.agent.chunk.Chunker;
import dev.strata.agent.posix.NativePaths;
import dev.strata.disk.PackName;
import dev.strata.format.FormatException;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.BlobType;
import dev.strata.format.repo.PathBytes;
import dev.strata.format.repo.Snapshot;
import dev.strata.format.repo.SnapshotId;
import dev.strata.format.repo.TreeCodec;
import dev.strata.format.repo.TreeEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * One backup run: walks the given paths depth-first, skips files unchanged since the parent
 * snapshot (same size, modification time, change time and inode), cuts the others into chunks, and
 * writes the chunks the repository does not have yet, sealed, into new packs; then writes the tree
 * and, last, the snapshot.
 *
 * <p>Threads: the calling thread walks and reads files and cuts chunks; a pool of workers hashes,
 * compresses and encrypts them; one writer thread puts blobs into packs in order and stores the
 * packs. Chunks in flight are bounded in bytes, so memory stays bounded whatever the input.
 */
public final class Backup {
  private static final int TREE_BLOB_TARGET = 1 << 20;
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  /** What a backup records of each item; not "unix:*", whose owner names cost a lookup each. */
  private static final String ATTRIBUTES =
      "unix:mode,uid,gid,ino,dev,nlink,size,lastModifiedTime,ctime,"
          + "isDirectory,isRegularFile,isSymbolicLink";

  /** What the run produced. */
  /**
   * What the run produced.
   *
   * @param warnings what the snapshot lacks (files skipped, or stored as they changed): the backup
   *     is incomplete
   * @param notices what is worth knowing but costs the snapshot nothing (damaged objects skipped,
   *     leftovers removed)
   */
  /**
   * What a backup did. {@code packs} are the packs the snapshot needs: those holding a blob its
   * trees reference (new or reused), and the trees themselves.
   */
  public record Result(
      SnapshotId id,
      Snapshot snapshot,
      Set<PackName> packs,
      List<String> warnings,
      List<String> notices) {}

  private final Repository repo;
  private final Path spoolDir;
  private final int workers;
  private final Clock clock;
  private final String host;
  private final String user;
  private java.util.function.Consumer<Path> afterRead = p -> {};

  public Backup(
      Repository repo, Path spoolDir, int workers, Clock clock, String host, String user) {
    this.repo = repo;
    this.spoolDir = spoolDir;
    this.workers = workers;
    this.clock = clock;
    this.host = host;
    this.user = user;
  }

  /**
   * Runs {@code hook} after each file's content was read and before it is checked for changes: the
   * seam through which a test changes a file at exactly that moment.
   */
  Backup afterReading(java.util.function.Consumer<Path> hook) {
    this.afterRead = hook;
    return this;
  }

  /** An entry for the writer, with its content still being sealed by the workers. */
  private record Item(Step step, TreeEntry entry, Future<BlobSealer.Sealed> chunk) {
    static final Item END = new Item(Step.END, null, null);
  }

  /**
   * What the writer does with an item. A file's chunks go to the writer one by one as they are
   * read, followed by its entry, so a file of any size moves through the bounded pipeline.
   */
  private enum Step {
    /** The next chunk of the file being read. */
    CHUNK,
    /** An entry complete in itself (a directory, a link, an unchanged file). */
    ENTRY,
    /** The entry of the file whose chunks came just before it. */
    FILE_END,
    /** The chunks just before belong to a file that could not be read to its end. */
    DISCARD,
    END
  }

  public Result run(List<Path> paths, BackupStats stats)
      throws IOException, RepositoryException, InterruptedException {
    if (paths.isEmpty()) {
      throw new RepositoryException("nothing to back up: give at least one path");
    }
    Map<PackName, String> unreadable = new HashMap<>();
    Map<BlobId, BlobLocation> index = repo.loadIndex(unreadable);
    List<Repository.StoredSnapshot> snapshots = repo.snapshots();
    List<String> roots = roots(paths);
    Optional<Repository.StoredSnapshot> parent =
        snapshots.stream()
            .filter(s -> s.snapshot().host().equals(host) && s.snapshot().paths().equals(roots))
            .reduce((a, b) -> b);

    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "strata-seal");
              t.setDaemon(true);
              return t;
            });
    ThreadLocal<BlobSealer> sealers = ThreadLocal.withInitial(() -> new BlobSealer(repo));
    Set<BlobId> claimed = ConcurrentHashMap.newKeySet();
    // Bytes of chunks between the reader and the writer.
    Semaphore inFlight = new Semaphore(Math.max(24 << 20, 4 * repo.config().chunkMax()));
    BlockingQueue<Item> queue = new ArrayBlockingQueue<>(4096);
    Abort abort = new Abort();
    SpoolFiles spool = new SpoolFiles(spoolDir, ProcessIdentity.current(host));
    List<String> notices = new ArrayList<>();
    unreadable.forEach((p, why) -> notices.add("pack " + p + " unreadable, not reused: " + why));
    for (Path left : spool.removeLeftovers()) {
      notices.add("removed " + left + ", left behind by a backup that was killed");
    }
    Writer writer = new Writer(queue, index, inFlight, stats, abort, spool);
    Thread writerThread = new Thread(writer, "strata-pack-writer");
    writerThread.setDaemon(true);
    abort.stops(Thread.currentThread());
    abort.stops(writerThread);
    List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    writerThread.start();
    try {
      Walker walker =
          new Walker(pool, sealers, claimed, index, inFlight, queue, abort, stats, warnings);
      TreeReader parentTree =
          parent.isPresent() ? new TreeReader(repo, index, parent.get().snapshot().trees()) : null;
      walker.walkRoots(roots, parentTree);
      queue.put(Item.END);
      writerThread.join();
    } catch (Throwable e) {
      // The first failure of any stage wins; a stage stopped by that failure reports it again.
      abort.fail(e);
    } finally {
      abort.fail(null);
      pool.shutdownNow();
      joinUninterruptibly(writerThread);
      // The writer may have interrupted this thread to stop the walk; that is over now.
      Thread.interrupted();
    }
    abort.rethrow();
    // The sequence number is taken under the repository lock, when the snapshot is committed.
    Set<PackName> packs = new HashSet<>();
    index.values().forEach(l -> packs.add(l.pack()));
    Repository.Committed c =
        repo.commit(
            sequence ->
                new Snapshot(
                    repo.config().id(),
                    sequence,
                    clock.instant(),
                    host,
                    user,
                    roots,
                    parent.map(Repository.StoredSnapshot::id),
                    writer.trees,
                    writer.files,
                    writer.bytes),
            Optional.of(packs));
    SnapshotId id = c.id();
    Snapshot s = c.snapshot();
    Set<PackName> needed = new TreeSet<>();
    for (BlobId b : writer.used) {
      BlobLocation at = index.get(b);
      if (at == null) {
        throw new IllegalStateException("blob " + b + " of snapshot " + id + " is in no pack");
      }
      needed.add(at.pack());
    }
    return new Result(id, s, Set.copyOf(needed), List.copyOf(warnings), List.copyOf(notices));
  }

  /** The absolute, normalised paths to back up, sorted in tree order, nested ones dropped. */
  static List<String> roots(List<Path> paths) {
    TreeMap<String, String> sorted = new TreeMap<>(PathOrder.INSTANCE);
    for (Path p : paths) {
      String abs = p.toAbsolutePath().normalize().toString();
      sorted.put(relative(abs), abs);
    }
    List<String> out = new ArrayList<>();
    String last = null;
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      if (last != null && (last.isEmpty() || e.getKey().startsWith(last + "/"))) {
        continue;
      }
      out.add(e.getValue());
      last = e.getKey();
    }
    return out;
  }

  static String relative(String absolute) {
    return absolute.replaceFirst("^/+", "");
  }

  /** Reads the file system; runs on the calling thread. */
  private final class Walker {
    private final ExecutorService pool;
    private final ThreadLocal<BlobSealer> sealers;
    private final Set<BlobId> claimed;
    private final Map<BlobId, BlobLocation> index;
    private final Semaphore inFlight;
    private final BlockingQueue<Item> queue;
    private final Abort abort;
    private final BackupStats stats;
    private final List<String> warnings;
    private final Chunker chunker;
    private final Set<String> emitted = new HashSet<>();
    private final Map<List<Object>, String> hardLinks = new HashMap<>();
    private TreeReader parent;

    Walker(
        ExecutorService pool,
        ThreadLocal<BlobSealer> sealers,
        Set<BlobId> claimed,
        Map<BlobId, BlobLocation> index,
        Semaphore inFlight,
        BlockingQueue<Item> queue,
        Abort abort,
        BackupStats stats,
        List<String> warnings) {
      this.pool = pool;
      this.sealers = sealers;
      this.claimed = claimed;
      this.index = index;
      this.inFlight = inFlight;
      this.queue = queue;
      this.abort = abort;
      this.stats = stats;
      this.warnings = warnings;
      var c = repo.config();
      this.chunker =
          new Chunker(
              repo.requireKeys().derive("chunker"), c.chunkMin(), c.chunkAverage(), c.chunkMax());
    }

    void walkRoots(List<String> roots, TreeReader parentTree)
        throws IOException, InterruptedException {
      this.parent = parentTree;
      for (String root : roots) {
        String rel = relative(root);
        if (rel.isEmpty()) {
          walkChildren(Path.of("/"), "");
          continue;
        }
        // The ancestors of a root, so a restore recreates the whole path.
        String[] parts = rel.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
          prefix.append(i == 0 ? "" : "/").append(parts[i]);
          String dir = prefix.toString();
          if (emitted.add(dir)) {
            Map<String, Object> a = attributes(Path.of("/" + dir));
            if (a != null) {
              enqueue(entry(TreeEntry.Kind.DIRECTORY, dir, a, 0, "", List.of()));
            }
          }
        }
        visit(Path.of(root), rel);
      }
    }

    private Map<String, Object> attributes(Path p) {
      try {
        return Files.readAttributes(p, ATTRIBUTES, NOFOLLOW);
      } catch (IOException e) {
        warnings.add("cannot read " + p + ": " + message(e));
        return null;
      }
    }

    private void visit(Path p, String rel) throws IOException, InterruptedException {
      abort.check();
      Map<String, Object> a = attributes(p);
      if (a == null) {
        return;
      }
      if (Boolean.TRUE.equals(a.get("isDirectory"))) {
        stats.directories.increment();
        enqueue(entry(TreeEntry.Kind.DIRECTORY, rel, a, 0, "", List.of()));
        walkChildren(p, rel);
      } else if (Boolean.TRUE.equals(a.get("isSymbolicLink"))) {
        String target = PathBytes.decode(NativePaths.readLink(NativePaths.bytes(p)));
        enqueue(entry(TreeEntry.Kind.SYMLINK, rel, a, 0, target, List.of()));
      } else if (Boolean.TRUE.equals(a.get("isRegularFile"))) {
        file(p, rel, a);
      } else {
        warnings.add("skipped " + p + ": not a regular file, directory or symlink");
      }
    }

    private void walkChildren(Path dir, String rel) throws IOException, InterruptedException {
      // Names are bytes: listed and sorted as bytes (the tree's order), kept exactly in the tree.
      byte[] dirBytes = NativePaths.bytes(dir);
      List<byte[]> names;
      try {
        names = NativePaths.list(dirBytes);
      } catch (IOException e) {
        warnings.add("cannot list " + dir + ": " + message(e));
        return;
      }
      names.sort(NativePaths::compare);
      for (byte[] name : names) {
        String n = PathBytes.decode(name);
        visit(NativePaths.child(dir, dirBytes, name), rel.isEmpty() ? n : rel + "/" + n);
      }
    }

    private void file(Path p, String rel, Map<String, Object> a)
        throws IOException, InterruptedException {
      long size = (Long) a.get("size");
      List<Object> linkKey = null;
      if ((Integer) a.get("nlink") > 1) {
        linkKey = List.of(a.get("dev"), a.get("ino"));
        String first = hardLinks.get(linkKey);
        if (first != null) {
          enqueue(entry(TreeEntry.Kind.HARDLINK, rel, a, 0, first, List.of()));
          stats.filesDone.increment();
          return;
        }
      }
      Optional<TreeEntry> old = Optional.empty();
      if (parent != null) {
        try {
          old = parent.find(rel);
        } catch (FormatException e) {
          warnings.add("parent snapshot unreadable, reading all files: " + e.getMessage());
          parent = null;
        }
      }
      if (linkKey != null) {
        // Further names link to this entry only once it is in the tree (read, or unchanged):
        // a hard link must name a file entry before it.
        hardLinks.put(linkKey, rel);
      }
      if (old.isPresent() && unchanged(old.get(), a)) {
        enqueue(entry(TreeEntry.Kind.FILE, rel, a, size, "", old.get().chunks()));
        stats.filesUnchanged.increment();
        stats.filesDone.increment();
        stats.bytesDone.add(size);
        return;
      }
      long read = 0;
      try (InputStream in = Files.newInputStream(p, NOFOLLOW)) {
        chunker.reset(in);
        Chunker.Chunk c;
        while ((c = chunker.next()) != null) {
          abort.check();
          byte[] data = c.copy();
          inFlight.acquire(data.length);
          queue.put(new Item(Step.CHUNK, null, pool.submit(() -> seal(data))));
          read += data.length;
          stats.bytesDone.add(data.length);
        }
      } catch (IOException e) {
        // Reading stops with an error when another stage failed and interrupted it: not a file
        // problem, and the run ends with that stage's failure.
        abort.check();
        warnings.add("cannot read " + p + ": " + message(e) + "; not in the snapshot");
        queue.put(new Item(Step.DISCARD, null, null));
        if (linkKey != null) {
          hardLinks.remove(linkKey, rel); // a later name of the same file is read as a file
        }
        return;
      }
      afterRead.accept(p);
      Map<String, Object> after = attributes(p);
      if (after == null || changed(a, after) || read != size) {
        warnings.add(
            "file "
                + p
                + " changed while it was read; stored as read ("
                + read
                + " bytes), it may mix old and new content");
      }
      (old.isPresent() ? stats.filesChanged : stats.filesNew).increment();
      stats.filesDone.increment();
      queue.put(
          new Item(Step.FILE_END, entry(TreeEntry.Kind.FILE, rel, a, read, "", List.of()), null));
    }

    private BlobSealer.Sealed seal(byte[] data) {
      BlobSealer s = sealers.get();
      BlobId id = s.id(data, 0, data.length);
      if (index.containsKey(id) || !claimed.add(id)) {
        return new BlobSealer.Sealed(id, null, data.length, null);
      }
      return s.seal(BlobType.DATA, id, data, 0, data.length);
    }

    private boolean unchanged(TreeEntry old, Map<String, Object> a) {
      if (old.kind() != TreeEntry.Kind.FILE
          || old.size() != (Long) a.get("size")
          || old.inode() != (Long) a.get("ino")) {
        return false;
      }
      Instant m = ((FileTime) a.get("lastModifiedTime")).toInstant();
      if (old.mtimeSeconds() != m.getEpochSecond() || old.mtimeNanos() != m.getNano()) {
        return false;
      }
      for (BlobId id : old.chunks()) {
        if (!index.containsKey(id)) {
          return false;
        }
      }
      return true;
    }

    private void enqueue(TreeEntry e) throws InterruptedException {
      queue.put(new Item(Step.ENTRY, e, null));
    }
  }

  private static boolean changed(Map<String, Object> before, Map<String, Object> after) {
    return !before.get("size").equals(after.get("size"))
        || !before.get("lastModifiedTime").equals(after.get("lastModifiedTime"))
        || !before.get("ctime").equals(after.get("ctime"));
  }

  private static TreeEntry entry(
      TreeEntry.Kind kind,
      String rel,
      Map<String, Object> a,
      long size,
      String target,
      List<BlobId> chunks) {
    Instant m = ((FileTime) a.get("lastModifiedTime")).toInstant();
    return new TreeEntry(
        kind,
        rel,
        (Integer) a.get("mode") & 07777,
        (Integer) a.get("uid"),
        (Integer) a.get("gid"),
        m.getEpochSecond(),
        m.getNano(),
        size,
        (Long) a.get("ino"),
        target,
        chunks);
  }

  private static String message(Throwable e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + " " + e.getMessage();
  }

  /** Puts blobs into packs in walk order and builds the tree; runs on its own thread. */
  private final class Writer implements Runnable {
    private final BlockingQueue<Item> queue;
    private final Map<BlobId, BlobLocation> index;
    private final Semaphore inFlight;
    private final BackupStats stats;
    private final Abort abort;
    private final SpoolFiles spool;
    private final List<BlobId> trees = new ArrayList<>();
    private final List<TreeEntry> pending = new ArrayList<>();
    private final List<BlobId> content = new ArrayList<>();

    /** Every blob the snapshot's trees reference, and the trees. */
    private final Set<BlobId> used = new HashSet<>();

    private int pendingBytes;
    private long files;
    private long bytes;

    Writer(
        BlockingQueue<Item> queue,
        Map<BlobId, BlobLocation> index,
        Semaphore inFlight,
        BackupStats stats,
        Abort abort,
        SpoolFiles spool) {
      this.queue = queue;
      this.index = index;
      this.inFlight = inFlight;
      this.stats = stats;
      this.abort = abort;
      this.spool = spool;
    }

    /**
     * Stops at the first failure, its own or another stage's (which interrupts it): nothing waits
     * for the writer to drain the queue, and closing the packer stops the upload and removes every
     * spool file.
     */
    @Override
    public void run() {
      BlobSealer sealer = new BlobSealer(repo);
      try (Packer packer = new Packer(repo, spool, index)) {
        while (true) {
          Item item = queue.take();
          if (item.step() == Step.END) {
            break;
          }
          write(item, packer, sealer);
        }
        flushTree(packer, sealer);
        packer.flush();
      } catch (Throwable e) {
        abort.fail(e);
      }
    }

    private void write(Item item, Packer packer, BlobSealer sealer)
        throws IOException, InterruptedException, ExecutionException {
      switch (item.step()) {
        case CHUNK -> {
          BlobSealer.Sealed s = item.chunk().get();
          if (s.sealed() != null) {
            packer.add(BlobType.DATA, s.id(), s.sealed(), s.rawLength(), s.compression());
            stats.blobsAdded.increment();
            stats.bytesAdded.add(s.sealed().length);
          }
          inFlight.release(s.rawLength());
          content.add(s.id());
          return;
        }
        case DISCARD -> {
          content.clear();
          return;
        }
        case ENTRY, FILE_END, END -> {}
      }
      TreeEntry e = item.entry();
      if (item.step() == Step.FILE_END) {
        List<BlobId> ids = List.copyOf(content);
        content.clear();
        e =
            new TreeEntry(
                e.kind(),
                e.path(),
                e.mode(),
                e.uid(),
                e.gid(),
                e.mtimeSeconds(),
                e.mtimeNanos(),
                e.size(),
                e.inode(),
                e.linkTarget(),
                ids);
      }
      if (e.kind() == TreeEntry.Kind.FILE) {
        files++;
        bytes += e.size();
      }
      pending.add(e);
      used.addAll(e.chunks());
      pendingBytes += 64 + e.path().length() + e.linkTarget().length() + 32 * e.chunks().size();
      if (pendingBytes >= TREE_BLOB_TARGET) {
        flushTree(packer, sealer);
      }
    }

    private void flushTree(Packer packer, BlobSealer sealer) throws IOException {
      if (pending.isEmpty()) {
        return;
      }
      byte[] plain = TreeCodec.encode(pending);
      BlobId id = sealer.id(plain, 0, plain.length);
      if (!index.containsKey(id)) {
        BlobSealer.Sealed s = sealer.seal(BlobType.TREE, id, plain, 0, plain.length);
        packer.add(BlobType.TREE, id, s.sealed(), s.rawLength(), s.compression());
      }
      trees.add(id);
      used.add(id);
      pending.clear();
      pendingBytes = 0;
    }
  }

  private static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The first failure of any stage of a run, which stops every other stage: it interrupts the
   * threads that may be waiting (for room in the queue, for bytes in flight, for a chunk being
   * sealed, for an upload), and the walker checks it between chunks. No stage waits for another to
   * drain or acknowledge, so a run ends in bounded time however it fails.
   */
  private static final class Abort {
    private final List<Thread> stopped = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicReference<Throwable> first =
        new java.util.concurrent.atomic.AtomicReference<>();

    void stops(Thread t) {
      stopped.add(t);
    }

    void fail(Throwable e) {
      if (first.compareAndSet(null, e)) {
        for (Thread t : stopped) {
          if (t != Thread.currentThread()) {
            t.interrupt();
          }
        }
      }
    }

    /** Throws if a stage failed. */
    void check() throws IOException {
      if (first.get() != null) {
        throw new IOException("stopped: another stage of the backup failed");
      }
    }

    /** Throws the first failure, if any, saying that the run wrote no snapshot. */
    void rethrow() throws IOException, InterruptedException {
      Throwable f = first.get();
      if (f == null) {
        return;
      }
      while ((f instanceof ExecutionException || f instanceof java.io.UncheckedIOException)
          && f.getCause() != null) {
        f = f.getCause();
      }
      if (f instanceof InterruptedException e) {
        throw e;
      }
      throw new IOException(
          "the backup failed and no snapshot was written: "
              + (f instanceof IOException && f.getMessage() != null ? f.getMessage() : message(f))
              + " (packs stored before the failure stay in the repository; the next backup reuses"
              + " them)",
          f);
    }
  }
}
