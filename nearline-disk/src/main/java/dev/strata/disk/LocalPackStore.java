package dev.strata.disk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.apache.commons.io.function.IOSupplier;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * A {@link PackStore} in a directory of a local or mounted file system.
 *
 * <p>Layout under the root: {@code strata-store}, the {@link StoreMarker} that makes the directory
 * a store; {@code packs/<xx>/<name>} where {@code xx} is the first byte of the SHA-256 of the name
 * in hex (256 shards keep directories small) and {@code /} in a name is stored as {@code ~}; {@code
 * retention/<xx>/<name>} holds a pack's retention lock (an ISO-8601 instant); {@code tmp/} holds
 * uploads in progress, named {@code put-<16 hex digits>.part}.
 *
 * <p>The store creates, changes and deletes only what it wrote itself. {@link #open} refuses a
 * directory without a marker ({@link StoreException.NotAStore}) and then has changed nothing there;
 * {@link #initialise} refuses a non-empty directory that is not a store ({@link
 * StoreException.NotEmpty}). A directory laid out by a Strata from before markers (only {@code
 * packs/}, {@code retention/}, {@code tmp/}, every pack in the shard its name hashes to) is
 * recognised as a store and marked when it is opened.
 *
 * <p>Each upload holds an exclusive lock on its temporary file while it writes; opening the store
 * removes the temporary files whose writer is gone (a killed process releases its locks), and on a
 * file system without locks those untouched for an hour. Nothing else in {@code tmp/} is touched.
 *
 * <p>Writes are durable: temporary file, fsync, atomic rename, fsync of the directory. Listing
 * walks every shard, so it costs time proportional to the number of packs.
 */
public final class LocalPackStore implements PackStore {
  /** The marker's file name in the root. */
  public static final String MARKER = "strata-store";

  /**
   * An upload untouched this long was left behind by a crash; used where the file system offers no
   * locks to tell, and for uploads of Strata versions that did not lock.
   */
  static final Duration STALE_UPLOAD = Duration.ofHours(1);

  /** Temporary files this store writes: {@code put-}, 16 hex digits, {@code .part}. */
  private static final Pattern OWN_UPLOAD = Pattern.compile("put-[0-9a-f]{16}\\.part");

  /** Temporary files of Strata versions before markers (which held no lock while writing). */
  private static final Pattern LEGACY_UPLOAD = Pattern.compile("put-[0-9]{1,20}\\.part");

  /** Leftovers of an interrupted {@link DurableFiles#write} of a retention lock. */
  private static final Pattern LOCK_TEMPORARY = Pattern.compile("\\..+[0-9]{1,20}\\.tmp");

  /** Leftovers of an interrupted marker write ({@link DurableFiles#writeNew}). */
  private static final Pattern MARKER_TEMPORARY =
      Pattern.compile("\\." + MARKER + "[0-9]{1,20}\\.tmp");

  private static final Pattern SHARD = Pattern.compile("[0-9a-f]{2}");

  /**
   * The uploads this process is writing, by absolute path. Clean-up skips them without opening
   * them: on Linux, closing any descriptor of a file drops every lock the process holds on it, so a
   * clean-up in the writer's own process must not even open the file.
   */
  private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

  private static final Logger LOG = Logger.getLogger(LocalPackStore.class.getName());
  private static final Set<String> LAYOUT = Set.of("packs", "retention", "tmp");
  private static final int COPY_BUFFER = 1 << 20;
  private static final Set<Capability> CAPABILITIES =
      EnumSet.of(Capability.ATOMIC_REPLACE, Capability.RANGE_READS, Capability.RETENTION);

  private final Path root;
  private final Path packs;
  private final Path retention;
  private final Path tmp;
  private final Path realTmp; // tmp with symbolic links resolved: the key of WRITING
  private final Clock clock;
  private final RandomGenerator random;
  private final StoreMarker marker;

  /** The store in {@code root}, whose marker has been read: completes the layout. */
  private LocalPackStore(Path root, Clock clock, RandomGenerator random, StoreMarker marker)
      throws IOException {
    this.root = root;
    this.packs = root.resolve("packs");
    this.retention = root.resolve("retention");
    this.tmp = root.resolve("tmp");
    createChild(packs);
    createChild(retention);
    createChild(tmp);
    this.realTmp = tmp.toRealPath();
    this.clock = clock;
    this.random = random;
    this.marker = marker;
  }

  /**
   * Creates one directory inside an existing one. Never its parents: a store whose directory
   * vanished (an unmounted disk, a deleted target) must fail, not grow a new, empty root.
   */
  private static void createChild(Path dir) throws IOException {
    try {
      Files.createDirectory(dir);
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }

  /**
   * Opens the store in {@code root}, an existing directory that holds a store's marker; completes
   * its layout and removes the uploads its crashed writers left behind.
   *
   * @param random source of temporary file names
   * @throws StoreException.NotAStore if {@code root} is no directory or holds no store; nothing was
   *     created, changed or deleted there
   */
  public static LocalPackStore open(Path root, Clock clock, RandomGenerator random)
      throws IOException {
    Path dir = root.toAbsolutePath();
    if (!Files.isDirectory(dir)) {
      throw new StoreException.NotAStore(
          dir.toString(), Files.exists(dir) ? "it is not a directory" : "there is no directory");
    }
    StoreMarker marker = readMarker(dir).orElse(null);
    if (marker == null) {
      if (!isUnmarkedStore(dir)) {
        throw new StoreException.NotAStore(
            dir.toString(),
            "the directory has no "
                + MARKER
                + " marker (initialise a store there first; an existing directory with other files"
                + " is never used as a store)");
      }
      try {
        marker = writeMarker(dir, clock, random);
      } catch (FileAlreadyExistsException raced) {
        marker = readMarker(dir).orElseThrow(() -> raced);
      }
    }
    LocalPackStore store = new LocalPackStore(dir, clock, random, marker);
    store.removeAbandonedUploads();
    return store;
  }

  /**
   * Makes {@code root} a store and opens it: creates the directory (and missing parents) if needed
   * and writes the marker into it. A directory that already holds a store is opened as it is.
   *
   * @throws StoreException.NotEmpty if {@code root} exists and holds anything but a store; nothing
   *     was changed there
   */
  public static LocalPackStore initialise(Path root, Clock clock, RandomGenerator random)
      throws IOException {
    Path dir = root.toAbsolutePath();
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
      throw new StoreException.NotEmpty(dir.toString(), "a file that is not a directory");
    }
    Files.createDirectories(dir);
    if (readMarker(dir).isEmpty() && !isUnmarkedStore(dir)) {
      List<String> entries = new ArrayList<>();
      try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
        for (Path p : all) {
          String n = p.getFileName().toString();
          if (!MARKER_TEMPORARY.matcher(n).matches()) { // a marker write cut off by a crash
            entries.add(n);
          }
        }
      }
      if (!entries.isEmpty()) {
        entries.sort(null);
        throw new StoreException.NotEmpty(
            dir.toString(),
            entries.size()
                + " entries ("
                + String.join(", ", entries.subList(0, Math.min(3, entries.size())))
                + (entries.size() > 3 ? ", ..." : "")
                + ")");
      }
      try {
        writeMarker(dir, clock, random);
      } catch (FileAlreadyExistsException raced) {
        // Another process initialised the store at the same moment: use the one it made.
      }
    }
    return open(dir, clock, random);
  }

  /** The marker in {@code dir}, if a file of that name is there; refuses one that is unreadable. */
  private static Optional<StoreMarker> readMarker(Path dir) throws IOException {
    Path file = dir.resolve(MARKER);
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (!a.isRegularFile() || a.size() > StoreMarker.MAX_BYTES) {
      throw new StoreException.NotAStore(
          dir.toString(), "its " + MARKER + " is not a store marker (not a small regular file)");
    }
    try {
      return Optional.of(StoreMarker.parse(Files.readAllBytes(file)));
    } catch (IllegalArgumentException e) {
      throw new StoreException.NotAStore(
          dir.toString(), "its " + MARKER + " is not a store marker: " + e.getMessage());
    }
  }

  private static StoreMarker writeMarker(Path dir, Clock clock, RandomGenerator random)
      throws IOException {
    StoreMarker m = StoreMarker.create(clock.instant(), random);
    DurableFiles.writeNew(dir.resolve(MARKER), ByteBuffer.wrap(m.encode()));
    return m;
  }

  /**
   * Whether {@code dir} was laid out by a Strata from before markers: nothing but {@code packs/}
   * (required), {@code retention/} and {@code tmp/}; in {@code packs/} and {@code retention/} only
   * shard directories holding files whose names hash to that shard; in {@code tmp/} only that
   * version's upload files. A directory of anyone else's files does not look like this.
   */
  private static boolean isUnmarkedStore(Path dir) throws IOException {
    Set<String> seen = new java.util.HashSet<>();
    try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
      for (Path p : all) {
        String n = p.getFileName().toString();
        if (!LAYOUT.contains(n) || !isDirectoryNoFollow(p)) {
          return false;
        }
        seen.add(n);
      }
    }
    if (!seen.contains("packs")) {
      return false;
    }
    if (!shardsHoldOnly(dir.resolve("packs"), false)) {
      return false;
    }
    if (seen.contains("retention") && !shardsHoldOnly(dir.resolve("retention"), true)) {
      return false;
    }
    if (seen.contains("tmp")) {
      try (DirectoryStream<Path> all = Files.newDirectoryStream(dir.resolve("tmp"))) {
        for (Path p : all) {
          if (!isRegularNoFollow(p)
              || !LEGACY_UPLOAD.matcher(p.getFileName().toString()).matches()) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static boolean shardsHoldOnly(Path dir, boolean locks) throws IOException {
    try (DirectoryStream<Path> shards = Files.newDirectoryStream(dir)) {
      for (Path shard : shards) {
        String s = shard.getFileName().toString();
        if (!SHARD.matcher(s).matches() || !isDirectoryNoFollow(shard)) {
          return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
          for (Path f : files) {
            String n = f.getFileName().toString();
            if (!isRegularNoFollow(f)) {
              return false;
            }
            if (locks && LOCK_TEMPORARY.matcher(n).matches()) {
              continue;
            }
            PackName name;
            try {
              name = packName(n);
            } catch (IllegalArgumentException e) {
              return false;
            }
            if (!shard(name).equals(s)) {
              return false;
            }
          }
        }
      }
    }
    return true;
  }

  private static boolean isDirectoryNoFollow(Path p) {
    return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
  }

  private static boolean isRegularNoFollow(Path p) {
    return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Removes the uploads in {@code tmp/} that no writer will finish: those of this store's naming
   * whose lock is free (their writer is gone), or, where the file system cannot lock, that are
   * older than {@link #STALE_UPLOAD}. Files of any other name are never touched.
   */
  private void removeAbandonedUploads() throws IOException {
    Instant stale = clock.instant().minus(STALE_UPLOAD);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp)) {
      for (Path p : entries) {
        String n = p.getFileName().toString();
        boolean own = OWN_UPLOAD.matcher(n).matches();
        if ((!own && !LEGACY_UPLOAD.matcher(n).matches()) || !isRegularNoFollow(p)) {
          continue;
        }
        if (WRITING.contains(realTmp.resolve(n))) {
          continue; // this process writes it; opening it here would drop the writer's lock
        }
        try {
          if (own && removeIfUnlocked(p)) {
            continue;
          }
          if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(stale)) {
            Files.deleteIfExists(p);
          }
        } catch (NoSuchFileException e) {
          // finished or removed by its writer meanwhile
        } catch (IOException e) {
          // not ours to decide now (a read-only mount, a permission): the next open tries again
          LOG.log(Level.FINE, () -> "cannot clean up " + p + ": " + e);
        }
      }
    }
  }

  /**
   * Deletes {@code part} if no writer holds its lock, and says whether that could be decided; false
   * when it is locked (a writer is alive) or when the file system has no locks.
   */
  private static boolean removeIfUnlocked(Path part) throws IOException {
    try (FileChannel ch =
        FileChannel.open(part, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        return true; // a writer in this process holds it: alive, keep it
      } catch (IOException e) {
        return false; // no locks here: fall back to the file's age
      }
      if (lock == null) {
        return true; // another process writes it
      }
      // Deleted while locked: a writer that opened it a moment ago waits for the lock, then sees
      // the name gone and starts over under a new one.
      Files.deleteIfExists(part);
      return true;
    }
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  private static String fileName(PackName name) {
    return name.value().replace('/', '~');
  }

  private static PackName packName(String fileName) {
    return PackName.of(fileName.replace('~', '/'));
  }

  private static String shard(PackName name) {
    byte[] h = Sha256.newDigest().digest(name.value().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().toHexDigits(h[0]);
  }

  private Path file(PackName name) {
    return packs.resolve(shard(name)).resolve(fileName(name));
  }

  private Path lockFile(PackName name) {
    return retention.resolve(shard(name)).resolve(fileName(name));
  }

  @Override
  public PackInfo put(PackName name, IOSupplier<InputStream> content, long length, Sha256 sha256)
      throws IOException {
    if (length < 0) {
      throw new IllegalArgumentException("length < 0");
    }
    checkNotRetained(name);
    Path part = null;
    FileChannel ch = null;
    try {
      while (ch == null) {
        if (part != null) {
          WRITING.remove(realTmp.resolve(part.getFileName()));
        }
        String partName = "put-" + HexFormat.of().toHexDigits(random.nextLong()) + ".part";
        part = tmp.resolve(partName);
        if (!WRITING.add(realTmp.resolve(partName))) {
          continue;
        }
        try {
          ch = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException taken) {
          continue;
        }
        if (!lockUpload(ch, part)) {
          ch.close();
          ch = null;
        }
      }
      MessageDigest digest = Sha256.newDigest();
      long copied;
      boolean longer;
      try (InputStream in = content.get()) {
        byte[] buf = new byte[COPY_BUFFER];
        ByteBuffer wrapped = ByteBuffer.wrap(buf);
        copied = 0;
        EarlyWriteback writeback = new EarlyWriteback(ch);
        try {
          while (copied < length) {
            int n = in.readNBytes(buf, 0, (int) Math.min(buf.length, length - copied));
            if (n == 0) {
              break;
            }
            digest.update(buf, 0, n);
            wrapped.clear().limit(n);
            while (wrapped.hasRemaining()) {
              ch.write(wrapped);
            }
            copied += n;
            writeback.wrote(n);
          }
          longer = copied == length && in.read() != -1;
        } finally {
          writeback.finish();
        }
        ch.force(true);
      }
      StoreException.ContentMismatch.check(
          name, length, copied, longer, sha256, Sha256.of(digest.digest()));
      Path target = file(name);
      Path dir = target.getParent();
      if (!Files.isDirectory(dir)) {
        createChild(dir);
        DurableFiles.fsyncDirectory(packs);
      }
      try {
        Files.move(
            part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system under " + root + " cannot rename atomically", e);
      }
      DurableFiles.fsyncDirectory(dir);
      return new PackInfo(
          name, length, Files.getLastModifiedTime(target).toInstant(), retainedUntil(name));
    } finally {
      try {
        if (ch != null) {
          ch.close();
        }
      } finally {
        if (part != null) {
          try {
            Files.deleteIfExists(part);
          } finally {
            WRITING.remove(realTmp.resolve(part.getFileName()));
          }
        }
      }
    }
  }

  /**
   * Takes the upload's lock, which tells {@link #removeAbandonedUploads} that its writer is alive.
   * False if a clean-up removed the file before the lock was had (the caller starts over); true
   * also where the file system has no locks (clean-up then goes by age).
   */
  private static boolean lockUpload(FileChannel ch, Path part) throws IOException {
    try {
      ch.lock();
    } catch (IOException unsupported) {
      return true;
    }
    return Files.exists(part, LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public InputStream get(PackName name) throws IOException {
    try {
      return Files.newInputStream(file(name));
    } catch (NoSuchFileException e) {
      throw new StoreException.NoSuchPack(name);
    }
  }

  @Override
  public InputStream get(PackName name, long offset, long length) throws IOException {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must not be negative");
    }
    FileChannel ch;
    try {
      ch = FileChannel.open(file(name), StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new StoreException.NoSuchPack(name);
    }
    ch.position(offset);
    return BoundedInputStream.builder()
        .setInputStream(Channels.newInputStream(ch))
        .setMaxCount(length)
        .get();
  }

  @Override
  public Optional<PackInfo> stat(PackName name) throws IOException {
    try {
      BasicFileAttributes a = Files.readAttributes(file(name), BasicFileAttributes.class);
      return Optional.of(
          new PackInfo(name, a.size(), a.lastModifiedTime().toInstant(), retainedUntil(name)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public PackPage list(String prefix, Optional<PackName> after, int limit) throws IOException {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    List<PackName> names = new ArrayList<>();
    try (DirectoryStream<Path> shards = Files.newDirectoryStream(packs)) {
      for (Path shard : shards) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
          for (Path f : files) {
            PackName n = packName(f.getFileName().toString());
            if (n.value().startsWith(prefix) && (after.isEmpty() || n.compareTo(after.get()) > 0)) {
              names.add(n);
            }
          }
        }
      }
    }
    names.sort(null);
    List<PackInfo> page = new ArrayList<>();
    for (PackName n : names) {
      if (page.size() == limit) {
        break;
      }
      stat(n).ifPresent(page::add);
    }
    boolean more = names.size() > page.size() && !page.isEmpty();
    return new PackPage(
        page, more ? Optional.of(page.get(page.size() - 1).name()) : Optional.empty());
  }

  @Override
  public void delete(PackName name) throws IOException {
    checkNotRetained(name);
    Path f = file(name);
    if (Files.deleteIfExists(f)) {
      DurableFiles.fsyncDirectory(f.getParent());
    }
    Files.deleteIfExists(lockFile(name));
  }

  @Override
  public void retain(PackName name, Instant until) throws IOException {
    if (stat(name).isEmpty()) {
      throw new StoreException.NoSuchPack(name);
    }
    Optional<Instant> current = retainedUntil(name);
    if (current.isPresent() && until.isBefore(current.get())) {
      throw new IllegalArgumentException(
          "pack '" + name + "' is retained until " + current.get() + "; a lock is never shortened");
    }
    Path lock = lockFile(name);
    createChild(lock.getParent());
    DurableFiles.write(lock, ByteBuffer.wrap(until.toString().getBytes(StandardCharsets.US_ASCII)));
  }

  private Optional<Instant> retainedUntil(PackName name) throws IOException {
    try {
      String text = Files.readString(lockFile(name), StandardCharsets.US_ASCII).strip();
      return Optional.of(Instant.parse(text));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (DateTimeParseException e) {
      // An unreadable lock must not unlock the pack: treat it as locked for ever.
      return Optional.of(Instant.MAX);
    }
  }

  private void checkNotRetained(PackName name) throws IOException {
    Optional<Instant> until = retainedUntil(name);
    if (until.isPresent() && clock.instant().isBefore(until.get())) {
      throw new StoreException.RetentionLocked(name, until.get());
    }
  }

  /** The marker that makes the directory this store. */
  public StoreMarker marker() {
    return marker;
  }

  @Override
  public Capacity capacity() throws IOException {
    FileStore fs = Files.getFileStore(root);
    return new Capacity(fs.getTotalSpace(), fs.getUsableSpace());
  }
}
