package dev.strata.agent.hostile;

import com.github.luben.zstd.Zstd;
import dev.strata.agent.repo.Repos;
import dev.strata.agent.repo.Repository;
import dev.strata.disk.PackName;
import dev.strata.disk.PackStores;
import dev.strata.disk.Sha256;
import dev.strata.format.repo.BlobCipher;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.BlobType;
import dev.strata.format.repo.Compression;
import dev.strata.format.repo.PackWriter;
import dev.strata.format.repo.Snapshot;
import dev.strata.format.repo.TreeCodec;
import dev.strata.format.repo.TreeEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Crafts what a hostile holder of a repository's keys could write: packs and snapshots signed and
 * encrypted with the repository's real keys, holding whatever trees, declared lengths and damage a
 * test asks for. Only public APIs are used, as an attacker outside this code base would.
 *
 * <p>Blobs are collected and written as one signed pack by {@link #flushPack()}; {@link
 * #snapshot(List)} writes a tree blob of the entries exactly as given (any order, duplicates, any
 * names), flushes the pack and stores a signed snapshot naming the tree.
 */
public final class HostileRepository implements AutoCloseable {
  private final Path repoDir;
  private final PackStores.Opened store;
  private final Repository repo;
  private final BlobCipher cipher;
  private final List<Pending> pending = new ArrayList<>();
  private long sequence;
  private final java.util.Map<Snapshot, dev.strata.format.repo.SnapshotId> ids =
      new java.util.HashMap<>();

  private record Pending(
      BlobType type, BlobId id, byte[] sealed, int declaredRaw, Compression compression) {}

  private HostileRepository(Path repoDir, PackStores.Opened store, Repository repo) {
    this.repoDir = repoDir;
    this.store = store;
    this.repo = repo;
    this.cipher = repo.newCipher();
  }

  /** A new repository in {@code dir/repo} with the test passphrase {@link Repos#PASS}. */
  public static HostileRepository create(Path dir) throws Exception {
    return create(dir, Repos.SMALL);
  }

  public static HostileRepository create(Path dir, Repository.Settings settings) throws Exception {
    Path repoDir = dir.resolve("repo");
    PackStores.Opened store = Repos.store(repoDir);
    Repository repo =
        Repository.init(
            store.store(),
            Repos.PASS,
            settings,
            "hostile",
            java.time.Clock.systemUTC(),
            new java.security.SecureRandom());
    return new HostileRepository(repoDir, store, repo);
  }

  public Path repoDir() {
    return repoDir;
  }

  public Repository repository() {
    return repo;
  }

  /** The repository opened afresh with the passphrase, as a restore opens it. */
  public Repository reopen() throws Exception {
    return Repos.open(store.store());
  }

  /** A data blob holding {@code content}, stored uncompressed with the next pack. */
  public BlobId data(byte[] content) {
    BlobId id = repo.requireKeys().idHasher().id(content, 0, content.length);
    pending.add(
        new Pending(
            BlobType.DATA,
            id,
            cipher.seal(BlobType.DATA, id, content, 0, content.length),
            content.length,
            Compression.NONE));
    return id;
  }

  public BlobId data(String content) {
    return data(content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A data blob holding {@code content} compressed with zstd, whose index entry declares {@code
   * declaredRaw} bytes before compression, whatever the truth.
   */
  public BlobId compressedDataDeclaring(byte[] content, int declaredRaw) {
    BlobId id = repo.requireKeys().idHasher().id(content, 0, content.length);
    byte[] z = Zstd.compress(content, 1);
    pending.add(
        new Pending(
            BlobType.DATA,
            id,
            cipher.seal(BlobType.DATA, id, z, 0, z.length),
            declaredRaw,
            Compression.ZSTD));
    return id;
  }

  /** A tree blob with this exact plaintext (any version, any content). */
  public BlobId treeBlob(byte[] plain) {
    BlobId id = repo.requireKeys().idHasher().id(plain, 0, plain.length);
    pending.add(
        new Pending(
            BlobType.TREE,
            id,
            cipher.seal(BlobType.TREE, id, plain, 0, plain.length),
            plain.length,
            Compression.NONE));
    return id;
  }

  /** Writes the blobs collected so far as one signed pack; returns its name. */
  public PackName flushPack() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PackWriter w = new PackWriter(out, repo.requireKeys(), cipher);
    for (Pending p : pending) {
      w.add(p.type(), p.id(), p.sealed(), p.declaredRaw(), p.compression());
    }
    PackWriter.Finished f = w.finish();
    pending.clear();
    byte[] bytes = out.toByteArray();
    PackName name = Repository.packName(f.sha256());
    repo.store()
        .put(name, () -> new ByteArrayInputStream(bytes), bytes.length, Sha256.of(f.sha256()));
    return name;
  }

  /**
   * Writes {@code entries} as they are into one tree blob, flushes the pack and stores a signed
   * snapshot of that tree.
   */
  public Snapshot snapshot(List<TreeEntry> entries) throws IOException {
    return snapshotOfTrees(List.of(treeBlob(TreeCodec.encode(entries))));
  }

  /** Flushes the pack and stores a signed snapshot made of these tree blobs. */
  public Snapshot snapshotOfTrees(List<BlobId> trees) throws IOException {
    if (!pending.isEmpty()) {
      flushPack();
    }
    Snapshot s =
        new Snapshot(
            repo.config().id(),
            ++sequence,
            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(sequence),
            "hostile-host",
            "mallory",
            List.of("/"),
            Optional.empty(),
            trees,
            0,
            0);
    ids.put(s, repo.putSnapshot(s));
    return s;
  }

  /** The id under which {@code s} was stored, as the command line names snapshots. */
  public String idOf(Snapshot s) {
    return ids.get(s).hex();
  }

  /** The file of the local store that holds {@code object}. */
  public Path objectFile(PackName object) throws IOException {
    String leaf = object.value().replace('/', '~');
    try (Stream<Path> s = Files.walk(repoDir)) {
      return s.filter(p -> p.getFileName().toString().equals(leaf)).findFirst().orElseThrow();
    }
  }

  /** Flips one bit of the stored object at {@code offset} (negative: from the end). */
  public void flipBit(PackName object, long offset) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(objectFile(object).toFile(), "rw")) {
      long at = offset >= 0 ? offset : f.length() + offset;
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x01);
    }
  }

  @Override
  public void close() throws Exception {
    store.close();
  }

  // Entries. Times, owners and modes are distinct and recognisable on purpose.

  public static final long MTIME = 1_500_000_000L;

  public static TreeEntry entry(
      TreeEntry.Kind kind,
      String path,
      int mode,
      int uid,
      long mtime,
      long size,
      String target,
      List<BlobId> chunks) {
    return new TreeEntry(kind, path, mode, uid, uid, mtime, 0, size, 0, target, chunks);
  }

  public static TreeEntry dir(String path) {
    return entry(TreeEntry.Kind.DIRECTORY, path, 0755, 0, MTIME, 0, "", List.of());
  }

  public static TreeEntry file(String path, long size, BlobId... chunks) {
    return entry(TreeEntry.Kind.FILE, path, 0644, 0, MTIME, size, "", Arrays.asList(chunks));
  }

  public static TreeEntry symlink(String path, String target) {
    return entry(TreeEntry.Kind.SYMLINK, path, 0777, 0, MTIME, 0, target, List.of());
  }

  public static TreeEntry hardlink(String path, String target) {
    return entry(TreeEntry.Kind.HARDLINK, path, 0644, 0, MTIME, 0, target, List.of());
  }
}
