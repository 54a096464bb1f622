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
import dev.strata.format.repo.LedgerGeneration;
import dev.strata.format.repo.MasterKeys;
import dev.strata.format.repo.PackEntry;
import dev.strata.format.repo.PackHash;
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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongFunction;

/**
 * A Strata repository in a pack store: {@code config}, {@code keys/*}, packs under {@code data/},
 * snapshot manifests under {@code snapshots/}. Every object is written once, whole and verified,
 * and never changed; a snapshot is written last, so an interrupted backup leaves only packs that
 * the next backup reuses. Opened with a passphrase it can read and write; {@link #openKeyless} can
 * only verify.
 *
 * <p>One damaged object does not block the others: a key file or snapshot that cannot be read is
 * left out, and recorded with the reason in {@link #damaged()}, so that commands can name it while
 * every other snapshot stays usable; {@code check} fails on it.
 */
public final class Repository {
  static final PackName CONFIG = PackName.of("config");
  public static final String KEYS = "keys/";
  static final String DATA = "data/";
  public static final String SNAPSHOTS = "snapshots/";

  /** One zstd context per thread, reused: creating one per blob costs more than small blobs. */
  private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESSORS =
      ThreadLocal.withInitial(ZstdDecompressCtx::new);

  private final PackStore store;
  private final RepositoryConfig config;
  private final Optional<MasterKeys> keys;
  private final SecureRandom random;
  private final Map<PackName, String> damaged = new ConcurrentSkipListMap<>();
  private volatile Locking locking;

  private Repository(
      PackStore store, RepositoryConfig config, Optional<MasterKeys> keys, SecureRandom random) {
    this.store = store;
    this.config = config;
    this.keys = keys;
    this.random = random;
  }

  /**
   * The objects left out so far because they could not be read, in name order, each with the
   * reason: key files and snapshots that are damaged, foreign or stored under the wrong name.
   */
  public Map<PackName, String> damaged() {
    return Map.copyOf(damaged);
  }

  /** The damaged objects found so far whose names start with {@code prefix}. */
  public Map<PackName, String> damaged(String prefix) {
    Map<PackName, String> out = new TreeMap<>();
    damaged.forEach(
        (name, why) -> {
          if (name.value().startsWith(prefix)) {
            out.put(name, why);
          }
        });
    return out;
  }

  private void skip(PackName name, String why) {
    damaged.put(name, why);
  }

  void recordDamage(PackName name, String why) {
    skip(name, why);
  }

  SecureRandom random() {
    return random;
  }

  /** Sets how this process takes the repository lock (who it is, how long it waits). */
  public Repository withLocking(Locking l) {
    this.locking = l;
    return this;
  }

  Locking locking() {
    Locking l = locking;
    if (l == null) {
      l = Locking.defaults();
      locking = l;
    }
    return l;
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

  /** The readable key files of this repository; damaged ones are skipped (see {@link #damaged}). */
  public List<StoredKey> keys() throws IOException {
    List<StoredKey> out = new ArrayList<>();
    for (PackName name : list(store, KEYS)) {
      try {
        KeyFile k = KeyFile.decode(readObject(store, name));
        if (!k.repository().equals(config.id())) {
          skip(name, "a key file of another repository (" + k.repository() + ")");
          continue;
        }
        out.add(new StoredKey(name.value().substring(KEYS.length()), k));
      } catch (FormatException e) {
        skip(name, "damaged: " + e.getMessage());
      }
    }
    return out;
  }

  /** Opens a repository with a passphrase. */
  public static Repository open(PackStore store, char[] passphrase, SecureRandom random)
      throws IOException, RepositoryException {
    RepositoryConfig config = readConfig(store);
    // Reads the key files keylessly first, so that a damaged one is recorded and skipped.
    Repository keyless = new Repository(store, config, Optional.empty(), random);
    List<StoredKey> keyFiles = keyless.keys();
    if (keyFiles.isEmpty()) {
      throw new RepositoryException(
          keyless.damaged.isEmpty()
              ? "the repository has no key files"
              : "the repository has no readable key file: " + describe(keyless.damaged));
    }
    for (StoredKey k : keyFiles) {
      try {
        MasterKeys keys = k.key().unwrap(passphrase);
        if (!keys.publicKey().equals(config.publicKey())) {
          throw new RepositoryException(
              "the repository config names another signing key than the repository's keys: "
                  + "the config was replaced; do not trust this repository");
        }
        Repository repo = new Repository(store, config, Optional.of(keys), random);
        repo.damaged.putAll(keyless.damaged);
        return repo;
      } catch (KeyFile.WrongPassphrase e) {
        // try the next key file
      } catch (FormatException e) {
        keyless.skip(PackName.of(KEYS + k.name()), "damaged: " + e.getMessage());
      }
    }
    throw new RepositoryException(
        "wrong passphrase: it opens no key of this repository"
            + (keyless.damaged.isEmpty()
                ? ""
                : " (unless it belongs to a damaged key file: " + describe(keyless.damaged) + ")"));
  }

  /** Opens a repository to verify it, without any key. */
  public static Repository openKeyless(PackStore store) throws IOException, RepositoryException {
    return new Repository(store, readConfig(store), Optional.empty(), new SecureRandom());
  }

  private static String describe(Map<PackName, String> damaged) {
    StringBuilder b = new StringBuilder();
    damaged.forEach(
        (n, why) -> b.append(b.length() == 0 ? "" : "; ").append(n).append(": ").append(why));
    return b.toString();
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

  /**
   * Reads, opens and decompresses one blob. Bytes that do not authenticate are read again from the
   * pack's next copy when the store has one ({@link CopyFailover}).
   */
  public byte[] readBlob(BlobLocation at, BlobCipher cipher) throws IOException, FormatException {
    while (true) {
      try {
        return readBlobOnce(at, cipher);
      } catch (FormatException e) {
        if (!(store instanceof CopyFailover f) || !f.nextCopy(at.pack(), e.getMessage())) {
          throw e;
        }
      }
    }
  }

  private byte[] readBlobOnce(BlobLocation at, BlobCipher cipher)
      throws IOException, FormatException {
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

  /**
   * Every readable snapshot, oldest (lowest sequence) first. A snapshot that is damaged, of another
   * repository or stored under a name that is not its hash is skipped and recorded in {@link
   * #damaged}.
   */
  public List<StoredSnapshot> snapshots() throws IOException {
    BlobCipher cipher = newCipher();
    List<StoredSnapshot> out = new ArrayList<>();
    for (PackName name : list(store, SNAPSHOTS)) {
      byte[] bytes = readObject(store, name);
      SnapshotId id = new SnapshotId(Sha256.digest(bytes).toString());
      try {
        Snapshot s = Snapshot.decode(bytes, config.publicKey(), cipher);
        if (!s.repository().equals(config.id())) {
          skip(name, "a snapshot of another repository (" + s.repository() + ")");
        } else if (!name.value().equals(SNAPSHOTS + id.hex())) {
          skip(name, "a snapshot stored under another name than its id " + id.shortForm());
        } else {
          out.add(new StoredSnapshot(id, s));
        }
      } catch (FormatException e) {
        skip(name, "damaged: " + e.getMessage());
      }
    }
    out.sort(Comparator.comparingLong(s -> s.snapshot().sequence()));
    return out;
  }

  /**
   * Finds a snapshot by id or unique id prefix, or {@code latest} (the readable snapshot with the
   * highest sequence number).
   */
  public StoredSnapshot snapshot(String idOrPrefix) throws IOException, RepositoryException {
    List<StoredSnapshot> all = snapshots();
    if (idOrPrefix.equals("latest")) {
      if (all.isEmpty()) {
        throw new RepositoryException(
            damaged(SNAPSHOTS).isEmpty()
                ? "the repository has no snapshots"
                : "the repository has no readable snapshot: " + describe(damaged(SNAPSHOTS)));
      }
      return all.get(all.size() - 1);
    }
    List<StoredSnapshot> matches =
        all.stream().filter(s -> s.id().hex().startsWith(idOrPrefix)).toList();
    if (idOrPrefix.length() >= 4 && matches.isEmpty()) {
      for (Map.Entry<PackName, String> d : damaged(SNAPSHOTS + idOrPrefix).entrySet()) {
        throw new RepositoryException("snapshot " + d.getKey() + " is " + d.getValue());
      }
    }
    if (idOrPrefix.length() < 4 || matches.isEmpty()) {
      throw new RepositoryException("no snapshot '" + idOrPrefix + "'");
    }
    if (matches.size() > 1) {
      throw new RepositoryException(
          "'" + idOrPrefix + "' names several snapshots; give more digits");
    }
    return matches.get(0);
  }

  /**
   * Stores a snapshot with the sequence number it has, and records it in the ledger (see {@link
   * #commit}); its SHA-256 becomes its id.
   */
  public SnapshotId putSnapshot(Snapshot s) throws IOException {
    try {
      return commit(sequence -> s, Optional.empty()).id();
    } catch (RepositoryException e) {
      throw new IOException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while committing a snapshot");
    }
  }

  /** What a commit wrote. */
  public record Committed(SnapshotId id, Snapshot snapshot, long generation) {}

  /**
   * Commits a snapshot, holding the repository lock: takes the next sequence number (one above the
   * highest the ledger records and any snapshot stored holds), writes the snapshot made with it,
   * then a new ledger generation that records it with the packs it may need. A snapshot written but
   * not recorded (its writer was killed in between) is recorded by the next commit.
   *
   * @param withSequence makes the snapshot for the sequence number it is given
   * @param verifiedPacks the packs the caller read with the keys (their indexes authenticate), of
   *     which those not yet recorded are; empty to read every unrecorded pack's index here
   */
  public Committed commit(
      LongFunction<Snapshot> withSequence, Optional<Set<PackName>> verifiedPacks)
      throws IOException, RepositoryException, InterruptedException {
    requireKeys();
    RepositoryLock taken;
    try {
      taken = RepositoryLock.acquire(this, locking());
    } catch (IOException e) {
      throw new IOException(
          "no snapshot was written: taking the repository lock failed: " + e.getMessage(), e);
    }
    try (RepositoryLock lock = taken) {
      Ledger.State ledger;
      Snapshot s;
      SnapshotId id;
      List<LedgerGeneration.Change> changes;
      try {
        ledger = Ledger.read(store, config);
        List<Pending> pending = pendingSnapshots(ledger);
        long highest = ledger.highestSequence;
        for (Pending p : pending) {
          highest = Math.max(highest, p.header().sequence());
        }
        s = withSequence.apply(highest + 1);
        changes = new ArrayList<>(adoptable(pending, ledger));
        id = writeSnapshotObject(s);
      } catch (IOException e) {
        throw new IOException("no snapshot was written: " + e.getMessage(), e);
      }
      changes.add(new LedgerGeneration.SnapshotAdded(s.sequence(), id));
      try {
        changes.addAll(unrecordedPacks(ledger, verifiedPacks));
        long generation = appendLedger(lock, ledger, changes, false);
        return new Committed(id, s, generation);
      } catch (IOException | RepositoryException e) {
        throw new RepositoryException(
            "snapshot "
                + id.shortForm()
                + " was written, but not recorded in the ledger: "
                + e.getMessage()
                + " (it can be restored; the next backup, or 'check --repair', records it)",
            e);
      }
    }
  }

  /** Writes a snapshot object only (no ledger record): for a repair, under its lock. */
  SnapshotId writeSnapshotObject(Snapshot s) throws IOException {
    byte[] bytes = s.encode(requireKeys(), newCipher());
    SnapshotId id = new SnapshotId(Sha256.digest(bytes).toString());
    putObject(PackName.of(SNAPSHOTS + id.hex()), bytes);
    return id;
  }

  /** Reads, verifies and decrypts one snapshot. */
  Snapshot readSnapshot(SnapshotId id) throws IOException, FormatException {
    byte[] bytes = readObject(store, PackName.of(SNAPSHOTS + id.hex()));
    if (!Sha256.digest(bytes).toString().equals(id.hex())) {
      throw new FormatException("snapshot " + id.shortForm() + " does not match its name");
    }
    return Snapshot.decode(bytes, config.publicKey(), newCipher());
  }

  /** A stored snapshot the ledger does not record, with its verified clear header. */
  record Pending(SnapshotId id, Snapshot.Header header) {}

  /**
   * The snapshots stored but not recorded in the ledger (written before the repository had one, or
   * by a commit that did not finish), whose signature verifies and whose name is their hash, oldest
   * first.
   */
  List<Pending> pendingSnapshots(Ledger.State ledger) throws IOException {
    List<Pending> out = new ArrayList<>();
    for (PackName name : list(store, SNAPSHOTS)) {
      String hex = name.value().substring(SNAPSHOTS.length());
      if (!hex.matches("[0-9a-f]{64}")) {
        continue;
      }
      SnapshotId id = new SnapshotId(hex);
      if (ledger.snapshots.containsKey(id) || ledger.removed.contains(id)) {
        continue;
      }
      byte[] bytes;
      try {
        bytes = readObject(store, name);
      } catch (StoreException.NoSuchPack e) {
        continue;
      }
      try {
        Snapshot.Header h = Snapshot.verify(bytes, config.publicKey());
        if (h.repository().equals(config.id()) && Sha256.digest(bytes).toString().equals(hex)) {
          out.add(new Pending(id, h));
        }
      } catch (FormatException e) {
        // damaged: not recorded; check names it
      }
    }
    out.sort(
        Comparator.comparingLong((Pending p) -> p.header().sequence()).thenComparing(Pending::id));
    return out;
  }

  /**
   * The pending snapshots a commit can record as they are: those whose sequence is above every
   * recorded one and shared with no other. The others need {@code check --repair}.
   */
  static List<LedgerGeneration.Change> adoptable(List<Pending> pending, Ledger.State ledger) {
    Map<Long, Long> count = new HashMap<>();
    pending.forEach(p -> count.merge(p.header().sequence(), 1L, Long::sum));
    List<LedgerGeneration.Change> out = new ArrayList<>();
    for (Pending p : pending) {
      long seq = p.header().sequence();
      if (seq > ledger.highestSequence && count.get(seq) == 1) {
        out.add(new LedgerGeneration.SnapshotAdded(seq, p.id()));
      }
    }
    return out;
  }

  /** Records of the packs stored, read with the keys and not yet in the ledger. */
  List<LedgerGeneration.Change> unrecordedPacks(
      Ledger.State ledger, Optional<Set<PackName>> verified) throws IOException {
    List<LedgerGeneration.Change> out = new ArrayList<>();
    BlobCipher cipher = verified.isPresent() ? null : newCipher();
    for (PackInfo p : packs()) {
      Optional<PackHash> h = Ledger.hashOf(p.name());
      if (h.isEmpty() || ledger.packs.containsKey(h.get())) {
        continue;
      }
      if (verified.isPresent()) {
        if (!verified.get().contains(p.name())) {
          continue;
        }
      } else {
        try {
          readIndex(p, cipher);
        } catch (FormatException e) {
          continue; // not a pack these keys wrote: never recorded
        }
      }
      out.add(new LedgerGeneration.PackAdded(h.get(), p.length()));
    }
    return out;
  }

  /**
   * Writes the next ledger generation after the newest valid one; the first (and one asked for by a
   * repair) is a checkpoint of the whole state. Checks first that the lock is still held.
   */
  long appendLedger(
      RepositoryLock lock,
      Ledger.State ledger,
      List<LedgerGeneration.Change> changes,
      boolean checkpoint)
      throws IOException, RepositoryException {
    long generation = ledger.generation + 1;
    byte[] previous =
        ledger.exists() ? java.util.HexFormat.of().parseHex(ledger.head) : new byte[32];
    LedgerGeneration.Kind kind =
        checkpoint || !ledger.exists()
            ? LedgerGeneration.Kind.CHECKPOINT
            : LedgerGeneration.Kind.CHANGES;
    LedgerGeneration g =
        new LedgerGeneration(
            config.id(), generation, previous, locking().clock().instant(), kind, changes);
    lock.checkHeld();
    putObject(Ledger.nameOf(generation), g.encode(requireKeys()));
    return generation;
  }

  /** Reads the raw bytes of a snapshot manifest (for keyless verification). */
  public byte[] readSnapshotBytes(PackName name) throws IOException {
    return readObject(store, name);
  }

  public List<PackName> snapshotNames() throws IOException {
    return list(store, SNAPSHOTS);
  }
}
