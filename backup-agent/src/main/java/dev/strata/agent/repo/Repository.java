package dev.strata.agent.repo;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import dev.strata.disk.PackInfo;
import dev.strata.disk.PackName;
import dev.strata.disk.PackPage;
import dev.strata.disk.PackStore;
import dev.strata.disk.Sha256;
import dev.strata.disk.StoreException;
import dev.strata.format.FormatException;
import dev.strata.format.repo.BlobCipher;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.BlobLimits;
import dev.strata.format.repo.Compression;
import dev.strata.format.repo.KeyFile;
import dev.strata.format.repo.MasterKeys;
import dev.strata.format.repo.PackEntry;
import dev.strata.format.repo.PackReader;
import dev.strata.format.repo.PackTrailer;
import dev.strata.format.repo.RepositoryConfig;
import dev.strata.format.repo.RepositoryId;
import dev.strata.format.repo.Snapshot;
import dev.strata.format.repo.SnapshotId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Strata repository in a pack store: {@code config}, {@code keys/*}, packs under {@code data/},
 * snapshot manifests under {@code snapshots/}. Every object is written once, whole and verified,
 * and never changed; a snapshot is written last, so an interrupted backup leaves only packs that
 * the next backup reuses. Opened with a passphrase it can read and write; {@link #openKeyless} can
 * only verify.
 */
public final class Repository {
  static final PackName CONFIG = PackName.of("config");
  static final String KEYS = "keys/";
  static final String DATA = "data/";
  static final String SNAPSHOTS = "snapshots/";

  /** One zstd context per thread, reused: creating one per blob costs more than small blobs. */
  private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESSORS =
      ThreadLocal.withInitial(ZstdDecompressCtx::new);

  private final PackStore store;
  private final RepositoryConfig config;
  private final Optional<MasterKeys> keys;
  private final SecureRandom random;

  private Repository(
      PackStore store, RepositoryConfig config, Optional<MasterKeys> keys, SecureRandom random) {
    this.store = store;
    this.config = config;
    this.keys = keys;
    this.random = random;
  }

  /** The parameters of a new repository. */
  public record Settings(
      int chunkMin, int chunkAverage, int chunkMax, int packSize, KeyFile.Kdf kdf) {
    public static final Settings DEFAULT =
        new Settings(256 << 10, 1 << 20, 4 << 20, 64 << 20, KeyFile.Kdf.DEFAULT);
  }

  /** Creates a repository in an empty store. */
  public static Repository init(
      PackStore store,
      char[] passphrase,
      Settings settings,
      String label,
      Clock clock,
      SecureRandom random)
      throws IOException, RepositoryException {
    if (store.stat(CONFIG).isPresent()) {
      throw new RepositoryException("a repository already exists there");
    }
    if (!store.list("", Optional.empty(), 1).packs().isEmpty()) {
      throw new RepositoryException("the location is not empty; a repository needs an empty one");
    }
    RepositoryId id = RepositoryId.random(random);
    MasterKeys keys = MasterKeys.generate(id, random);
    RepositoryConfig config =
        new RepositoryConfig(
            id,
            clock.instant(),
            settings.chunkMin(),
            settings.chunkAverage(),
            settings.chunkMax(),
            settings.packSize(),
            keys.publicKey());
    Repository repo = new Repository(store, config, Optional.of(keys), random);
    repo.addKey(passphrase, settings.kdf(), label, clock);
    repo.putObject(CONFIG, config.encode(keys));
    return repo;
  }

  /** Adds a passphrase that opens this repository's keys; returns the new key file's name. */
  public String addKey(char[] passphrase, KeyFile.Kdf kdf, String label, Clock clock)
      throws IOException {
    KeyFile k = KeyFile.wrap(requireKeys(), passphrase, kdf, clock.instant(), label, random);
    byte[] name = new byte[8];
    random.nextBytes(name);
    String id = HexFormat.of().formatHex(name);
    putObject(PackName.of(KEYS + id), k.encode());
    return id;
  }

  /** A key file and its name. */
  public record StoredKey(String name, KeyFile key) {}

  /** The key files (readable without unwrapping them). */
  public List<StoredKey> keys() throws IOException, RepositoryException {
    List<StoredKey> out = new ArrayList<>();
    for (PackName name : list(store, KEYS)) {
      try {
        out.add(
            new StoredKey(
                name.value().substring(KEYS.length()), KeyFile.decode(readObject(store, name))));
      } catch (FormatException e) {
        throw new RepositoryException("key file " + name + " is damaged: " + e.getMessage());
      }
    }
    return out;
  }

  /** Opens a repository with a passphrase. */
  public static Repository open(PackStore store, char[] passphrase, SecureRandom random)
      throws IOException, RepositoryException {
    RepositoryConfig config = readConfig(store);
    List<PackName> keyFiles = list(store, KEYS);
    if (keyFiles.isEmpty()) {
      throw new RepositoryException("the repository has no key files");
    }
    for (PackName name : keyFiles) {
      try {
        KeyFile k = KeyFile.decode(readObject(store, name));
        if (!k.repository().equals(config.id())) {
          continue;
        }
        MasterKeys keys = k.unwrap(passphrase);
        if (!keys.publicKey().equals(config.publicKey())) {
          throw new RepositoryException(
              "the repository config names another signing key than the repository's keys: "
                  + "the config was replaced; do not trust this repository");
        }
        return new Repository(store, config, Optional.of(keys), random);
      } catch (KeyFile.WrongPassphrase e) {
        // try the next key file
      } catch (FormatException e) {
        throw new RepositoryException("key file " + name + " is damaged: " + e.getMessage());
      }
    }
    throw new RepositoryException("wrong passphrase: it opens no key of this repository");
  }

  /** Opens a repository to verify it, without any key. */
  public static Repository openKeyless(PackStore store) throws IOException, RepositoryException {
    return new Repository(store, readConfig(store), Optional.empty(), new SecureRandom());
  }

  private static RepositoryConfig readConfig(PackStore store)
      throws IOException, RepositoryException {
    byte[] bytes;
    try {
      bytes = readObject(store, CONFIG);
    } catch (StoreException.NoSuchPack e) {
      throw new RepositoryException("there is no repository there (no config)");
    }
    try {
      return RepositoryConfig.decode(bytes);
    } catch (FormatException e) {
      throw new RepositoryException("the repository config is damaged: " + e.getMessage());
    }
  }

  public RepositoryConfig config() {
    return config;
  }

  public PackStore store() {
    return store;
  }

  public MasterKeys requireKeys() {
    return keys.orElseThrow(() -> new IllegalStateException("opened without keys"));
  }

  public boolean hasKeys() {
    return keys.isPresent();
  }

  public BlobCipher newCipher() {
    return requireKeys().cipher(random);
  }

  static byte[] readObject(PackStore store, PackName name) throws IOException {
    try (InputStream in = store.get(name)) {
      return in.readAllBytes();
    }
  }

  void putObject(PackName name, byte[] bytes) throws IOException {
    store.put(name, () -> new ByteArrayInputStream(bytes), bytes.length, Sha256.digest(bytes));
  }

  static List<PackName> list(PackStore store, String prefix) throws IOException {
    List<PackName> names = new ArrayList<>();
    for (PackInfo p : listInfo(store, prefix)) {
      names.add(p.name());
    }
    return names;
  }

  static List<PackInfo> listInfo(PackStore store, String prefix) throws IOException {
    List<PackInfo> all = new ArrayList<>();
    Optional<PackName> after = Optional.empty();
    do {
      PackPage page = store.list(prefix, after, 1000);
      all.addAll(page.packs());
      after = page.next();
    } while (after.isPresent());
    return all;
  }

  /** Every pack of the repository with its size. */
  public List<PackInfo> packs() throws IOException {
    return listInfo(store, DATA);
  }

  /** The name a pack with this SHA-256 is stored under. */
  public static PackName packName(byte[] sha256) {
    return PackName.of(DATA + HexFormat.of().formatHex(sha256));
  }

  /** Reads a pack's trailer and its index (needs the keys). */
  public List<PackEntry> readIndex(PackInfo pack, BlobCipher cipher)
      throws IOException, FormatException {
    PackTrailer t = readTrailer(pack);
    byte[] sealed;
    try (InputStream in = store.get(pack.name(), t.indexOffset(), t.indexLength())) {
      sealed = in.readAllBytes();
    }
    return PackReader.readIndex(t, sealed, cipher);
  }

  public PackTrailer readTrailer(PackInfo pack) throws IOException, FormatException {
    long at = Math.max(0, pack.length() - PackTrailer.LENGTH);
    try (InputStream in = store.get(pack.name(), at, PackTrailer.LENGTH)) {
      return PackTrailer.decode(in.readAllBytes(), pack.length());
    }
  }

  /**
   * The index of every blob in the repository, read from the packs' own indexes. A pack whose index
   * cannot be read is reported in {@code unreadable} and its blobs are left out.
   */
  public Map<BlobId, BlobLocation> loadIndex(Map<PackName, String> unreadable) throws IOException {
    Map<BlobId, BlobLocation> index = new ConcurrentHashMap<>();
    BlobCipher cipher = newCipher();
    for (PackInfo p : packs()) {
      try {
        for (PackEntry e : readIndex(p, cipher)) {
          index.putIfAbsent(e.id(), new BlobLocation(p.name(), e));
        }
      } catch (FormatException e) {
        unreadable.put(p.name(), e.getMessage());
      }
    }
    return index;
  }

  /** Reads, opens and decompresses one blob. */
  public byte[] readBlob(BlobLocation at, BlobCipher cipher) throws IOException, FormatException {
    PackEntry e = at.entry();
    checkLimits(e);
    byte[] sealed = new byte[e.length()];
    int read;
    try (InputStream in = store.get(at.pack(), e.offset(), e.length())) {
      read = in.readNBytes(sealed, 0, sealed.length);
    }
    if (read != e.length()) {
      throw new FormatException("pack " + at.pack() + " ends inside blob " + e.id().shortForm());
    }
    return open(e, sealed, cipher);
  }

  /** Refuses a blob whose declared lengths break the format's limits, before any allocation. */
  private void checkLimits(PackEntry e) throws FormatException {
    Optional<String> beyond = BlobLimits.of(config).check(e);
    if (beyond.isPresent()) {
      throw new FormatException(beyond.get());
    }
  }

  /** Opens and decompresses a sealed blob read from its pack, and checks its id. */
  public byte[] open(PackEntry e, byte[] sealed, BlobCipher cipher) throws FormatException {
    checkLimits(e);
    byte[] plain = cipher.open(e.type(), e.id(), sealed, 0, sealed.length);
    if (e.compression() == Compression.ZSTD) {
      byte[] raw = new byte[e.rawLength()];
      int n;
      try {
        n = DECOMPRESSORS.get().decompressByteArray(raw, 0, raw.length, plain, 0, plain.length);
      } catch (ZstdException ex) {
        n = -1;
      }
      if (n != raw.length) {
        throw new FormatException("blob " + e.id().shortForm() + " does not decompress");
      }
      plain = raw;
    } else if (plain.length != e.rawLength()) {
      throw new FormatException("blob " + e.id().shortForm() + " has the wrong length");
    }
    return plain;
  }

  /** A snapshot and its id. */
  public record StoredSnapshot(SnapshotId id, Snapshot snapshot) {}

  /** Every snapshot, oldest (lowest sequence) first. */
  public List<StoredSnapshot> snapshots() throws IOException, RepositoryException {
    BlobCipher cipher = newCipher();
    List<StoredSnapshot> out = new ArrayList<>();
    for (PackName name : list(store, SNAPSHOTS)) {
      byte[] bytes = readObject(store, name);
      SnapshotId id = new SnapshotId(Sha256.digest(bytes).toString());
      if (!name.value().equals(SNAPSHOTS + id.hex())) {
        throw new RepositoryException("snapshot " + name + " does not match its name");
      }
      try {
        out.add(new StoredSnapshot(id, Snapshot.decode(bytes, config.publicKey(), cipher)));
      } catch (FormatException e) {
        throw new RepositoryException("snapshot " + name + " is damaged: " + e.getMessage());
      }
    }
    out.sort(Comparator.comparingLong(s -> s.snapshot().sequence()));
    return out;
  }

  /** Finds a snapshot by id or unique id prefix, or {@code latest}. */
  public StoredSnapshot snapshot(String idOrPrefix) throws IOException, RepositoryException {
    List<StoredSnapshot> all = snapshots();
    if (idOrPrefix.equals("latest")) {
      if (all.isEmpty()) {
        throw new RepositoryException("the repository has no snapshots");
      }
      return all.get(all.size() - 1);
    }
    List<StoredSnapshot> matches =
        all.stream().filter(s -> s.id().hex().startsWith(idOrPrefix)).toList();
    if (idOrPrefix.length() < 4 || matches.isEmpty()) {
      throw new RepositoryException("no snapshot '" + idOrPrefix + "'");
    }
    if (matches.size() > 1) {
      throw new RepositoryException(
          "'" + idOrPrefix + "' names several snapshots; give more digits");
    }
    return matches.get(0);
  }

  /** Stores a snapshot manifest; its SHA-256 becomes its id. */
  public SnapshotId putSnapshot(Snapshot s) throws IOException {
    byte[] bytes = s.encode(requireKeys(), newCipher());
    SnapshotId id = new SnapshotId(Sha256.digest(bytes).toString());
    putObject(PackName.of(SNAPSHOTS + id.hex()), bytes);
    return id;
  }

  /** Reads the raw bytes of a snapshot manifest (for keyless verification). */
  public byte[] readSnapshotBytes(PackName name) throws IOException {
    return readObject(store, name);
  }

  public List<PackName> snapshotNames() throws IOException {
    return list(store, SNAPSHOTS);
  }
}
