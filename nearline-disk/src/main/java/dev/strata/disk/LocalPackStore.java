package dev.strata.disk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.io.function.IOSupplier;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * A {@link PackStore} in a directory of a local or mounted file system.
 *
 * <p>Layout under the root: {@code packs/<xx>/<name>} where {@code xx} is the first byte of the
 * SHA-256 of the name in hex (256 shards keep directories small) and {@code /} in a name is stored
 * as {@code ~}; {@code retention/<xx>/<name>} holds a pack's retention lock (an ISO-8601 instant);
 * {@code tmp/} holds uploads in progress; opening the store removes those untouched for an hour
 * (left behind by a crash) and leaves younger ones, which another process may still be writing.
 *
 * <p>Writes are durable: temporary file, fsync, atomic rename, fsync of the directory. Listing
 * walks every shard, so it costs time proportional to the number of packs.
 */
public final class LocalPackStore implements PackStore {
  /** An upload untouched this long was left behind by a crash. */
  static final java.time.Duration STALE_UPLOAD = java.time.Duration.ofHours(1);

  private static final int COPY_BUFFER = 1 << 20;
  private static final Set<Capability> CAPABILITIES =
      EnumSet.of(Capability.ATOMIC_REPLACE, Capability.RANGE_READS, Capability.RETENTION);

  private final Path root;
  private final Path packs;
  private final Path retention;
  private final Path tmp;
  private final Clock clock;

  private LocalPackStore(Path root, Clock clock) {
    this.root = root;
    this.packs = root.resolve("packs");
    this.retention = root.resolve("retention");
    this.tmp = root.resolve("tmp");
    this.clock = clock;
  }

  /**
   * Creates one directory inside an existing one. Never its parents: a store whose directory
   * vanished (an unmounted disk, a deleted target) must fail, not grow a new, empty root.
   */
  private static void createChild(Path dir) throws IOException {
    try {
      Files.createDirectory(dir);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }

  /**
   * Opens the store in {@code root}, which must be an existing writable directory; creates its
   * layout and removes uploads left behind by a crash.
   */
  public static LocalPackStore open(Path root, Clock clock) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new NoSuchFileException(root.toString(), null, "no directory at " + root);
    }
    LocalPackStore store = new LocalPackStore(root.toAbsolutePath(), clock);
    createChild(store.packs);
    createChild(store.retention);
    createChild(store.tmp);
    java.time.Instant stale = clock.instant().minus(STALE_UPLOAD);
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(store.tmp)) {
      for (Path p : leftovers) {
        try {
          if (Files.getLastModifiedTime(p).toInstant().isBefore(stale)) {
            Files.deleteIfExists(p);
          }
        } catch (NoSuchFileException e) {
          // finished or removed by its writer meanwhile
        }
      }
    }
    return store;
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
    Path part = Files.createTempFile(tmp, "put-", ".part");
    try {
      MessageDigest digest = Sha256.newDigest();
      long copied;
      boolean longer;
      try (InputStream in = content.get();
          FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
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
      Files.deleteIfExists(part);
    }
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

  @Override
  public Capacity capacity() throws IOException {
    FileStore fs = Files.getFileStore(root);
    return new Capacity(fs.getTotalSpace(), fs.getUsableSpace());
  }
}
