package dev.strata.agent.repo;

import dev.strata.disk.PackInfo;
import dev.strata.disk.PackName;
import dev.strata.format.FormatException;
import dev.strata.format.repo.BlobCipher;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.BlobLimits;
import dev.strata.format.repo.MasterKeys;
import dev.strata.format.repo.PackEntry;
import dev.strata.format.repo.PackReader;
import dev.strata.format.repo.PathBytes;
import dev.strata.format.repo.Snapshot;
import dev.strata.format.repo.SnapshotId;
import dev.strata.format.repo.TreeEntry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks a repository.
 *
 * <p>A damaged object is reported and the check goes on with the others.
 *
 * <ul>
 *   <li>Always: the config's signature; every key file's format and repository; every snapshot
 *       manifest's signature, repository and unique sequence number; every pack's trailer.
 *   <li>With {@code readData}: every pack is read whole; its SHA-256 must be its name and the
 *       signature over its content must verify — no decryption key needed.
 *   <li>With the keys: the pack indexes and snapshots decrypt, no blob declares a length beyond the
 *       format's limits, every snapshot's tree keeps the {@link TreeRules}, and every blob a
 *       snapshot needs exists; with {@code readData} also every blob decrypts and matches its id.
 *       Files that a damaged or missing pack affects are named.
 *   <li>Always, against the ledger (signed, so keyless too): its chain is unbroken, every snapshot
 *       and pack it records is there (none deleted or replaced), sequence numbers only grow, and
 *       every stored snapshot is recorded. Against an outside anchor (the newest sequence number or
 *       ledger head that the catalog or an earlier check saw) it also detects a rollback of the
 *       newest snapshots together with their ledger generations.
 * </ul>
 */
public final class Check {
  /**
   * What the check found; an empty {@code problems} means the repository is sound.
   *
   * @param notes what is worth knowing but is no fault (packs of interrupted backups, an older
   *     repository without a ledger)
   * @param ledger the ledger's newest generation, head and highest sequence, to be kept as the
   *     anchor of later checks; generation 0 when there is no ledger
   */
  public record Result(
      long packs,
      long bytesRead,
      long snapshots,
      List<String> problems,
      List<String> affected,
      List<String> notes,
      LedgerHead ledger) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** Where the ledger stands: what an outside record pins to detect a rollback later. */
  public record LedgerHead(long generation, String head, long highestSequence) {}

  /**
   * What an outside record (the control center's catalog, an earlier check) says the repository
   * held at least: the highest sequence number, and a ledger generation (its SHA-256) that must
   * still be in the chain.
   */
  public record Anchor(OptionalLong sequence, Optional<String> head) {
    public static final Anchor NONE = new Anchor(OptionalLong.empty(), Optional.empty());
  }

  /** Entries that break the tree's rules named per snapshot; the rest are counted. */
  private static final int REPORTED_RULE_BREAKS = 50;

  private final Repository repo;
  private final int workers;
  private Anchor anchor = Anchor.NONE;

  public Check(Repository repo, int workers) {
    this.repo = repo;
    this.workers = workers;
  }

  /** Also checks the repository against what an outside record says it held. */
  public Check expecting(Anchor a) {
    this.anchor = a;
    return this;
  }

  public Result run(boolean readData) throws IOException, InterruptedException {
    List<String> problems = new ArrayList<>();
    Map<PackName, String> damaged = new TreeMap<>();
    List<PackInfo> packs = repo.packs();
    long bytesRead = 0;

    // Key files, keyless: a damaged one does not stop the others from opening the repository.
    repo.keys();
    repo.damaged(Repository.KEYS)
        .forEach((name, why) -> problems.add("key file " + name + ": " + why));

    // Snapshots: signatures and sequence numbers, keyless.
    Set<PackName> reported = new HashSet<>();
    Map<Long, PackName> sequences = new HashMap<>();
    Map<SnapshotId, Long> valid = new HashMap<>();
    long snapshotCount = 0;
    List<PackName> snapshotNames = repo.snapshotNames();
    for (PackName name : snapshotNames) {
      snapshotCount++;
      int before = problems.size();
      try {
        byte[] bytes = repo.readSnapshotBytes(name);
        Snapshot.Header h = Snapshot.verify(bytes, repo.config().publicKey());
        if (!h.repository().equals(repo.config().id())) {
          problems.add("snapshot " + name + " belongs to another repository");
        }
        PackName other = sequences.put(h.sequence(), name);
        if (other != null) {
          problems.add("snapshots " + other + " and " + name + " share sequence " + h.sequence());
        }
        String expected = Repository.SNAPSHOTS + dev.strata.disk.Sha256.digest(bytes).toString();
        if (!name.value().equals(expected)) {
          problems.add("snapshot " + name + " does not match its name");
        } else if (h.repository().equals(repo.config().id())) {
          valid.put(
              new SnapshotId(expected.substring(Repository.SNAPSHOTS.length())), h.sequence());
        }
      } catch (FormatException e) {
        problems.add("snapshot " + name + ": " + e.getMessage());
      }
      if (problems.size() > before) {
        reported.add(name);
      }
    }

    if (readData) {
      ExecutorService pool = Executors.newFixedThreadPool(workers);
      try {
        List<Future<Optional<String>>> results = new ArrayList<>();
        for (PackInfo p : packs) {
          results.add(pool.submit(() -> verifyPack(p)));
        }
        for (int i = 0; i < packs.size(); i++) {
          try {
            PackName name = packs.get(i).name();
            results.get(i).get().ifPresent(why -> damaged.put(name, why));
            bytesRead += packs.get(i).length();
          } catch (ExecutionException e) {
            damaged.put(packs.get(i).name(), "unreadable: " + e.getCause());
          }
        }
      } finally {
        pool.shutdownNow();
      }
    } else {
      for (PackInfo p : packs) {
        try {
          repo.readTrailer(p);
        } catch (FormatException e) {
          damaged.put(p.name(), e.getMessage());
        }
      }
    }

    List<String> notes = new ArrayList<>();
    Ledger.State ledger = Ledger.read(repo.store(), repo.config());
    checkLedger(ledger, snapshotNames, valid, packs, problems, notes);

    List<String> affected = new ArrayList<>();
    if (repo.hasKeys()) {
      checkWithKeys(packs, damaged, readData, problems, affected, reported);
    }
    damaged.forEach((p, why) -> problems.add("pack " + p + " is damaged: " + why));
    return new Result(
        packs.size(),
        bytesRead,
        snapshotCount,
        problems,
        affected,
        notes,
        new LedgerHead(ledger.generation, ledger.head, ledger.highestSequence));
  }

  /** What the ledger records against what is stored, and against the anchor. */
  private void checkLedger(
      Ledger.State ledger,
      List<PackName> snapshotNames,
      Map<SnapshotId, Long> stored,
      List<PackInfo> packs,
      List<String> problems,
      List<String> notes) {
    problems.addAll(ledger.problems);
    anchor
        .sequence()
        .ifPresent(
            n -> {
              if (ledger.highestSequence < n) {
                problems.add(
                    "rolled back: the ledger's highest snapshot sequence is "
                        + ledger.highestSequence
                        + ", but at least "
                        + n
                        + " was expected");
              }
            });
    anchor
        .head()
        .ifPresent(
            h -> {
              if (!ledger.chainHashes.contains(h.toLowerCase(java.util.Locale.ROOT))) {
                problems.add(
                    "rolled back or replaced: the ledger does not hold the expected generation "
                        + h);
              }
            });
    if (!ledger.exists()) {
      if (repo.config().keepsLedger() && (!stored.isEmpty() || ledger.anyObject)) {
        problems.add(
            "the repository keeps a ledger, but none is readable: it was deleted (then packs may"
                + " be missing unnoticed), or the first backup was interrupted before writing it"
                + " (the next backup, or 'check --repair', writes it)");
      } else if (!stored.isEmpty()) {
        notes.add(
            "the repository has no ledger yet (it was written by an older version): a check"
                + " without the passphrase cannot tell deleted packs or rolled-back snapshots"
                + " until the next backup writes one");
      }
      return;
    }
    Set<String> names = new HashSet<>();
    for (PackName n : snapshotNames) {
      names.add(n.value());
    }
    ledger.snapshots.forEach(
        (id, rec) -> {
          if (!names.contains(Repository.SNAPSHOTS + id.hex())) {
            problems.add(
                "snapshot "
                    + id.shortForm()
                    + " (sequence "
                    + rec.sequence()
                    + "), recorded in ledger generation "
                    + rec.generation()
                    + ", is missing: deleted, or the repository was rolled back");
          } else if (stored.containsKey(id) && stored.get(id) != rec.sequence()) {
            problems.add(
                "snapshot "
                    + id.shortForm()
                    + " has sequence "
                    + stored.get(id)
                    + ", the ledger recorded "
                    + rec.sequence());
          }
        });
    Map<PackName, Long> lengths = new HashMap<>();
    packs.forEach(p -> lengths.put(p.name(), p.length()));
    ledger.packs.forEach(
        (hash, rec) -> {
          PackName name = Ledger.packName(hash);
          Long length = lengths.get(name);
          if (length == null) {
            problems.add(
                "pack "
                    + name
                    + ", recorded in ledger generation "
                    + rec.generation()
                    + ", is missing (deleted)");
          } else if (length != rec.length()) {
            problems.add(
                "pack " + name + " has " + length + " bytes; the ledger recorded " + rec.length());
          }
        });
    stored.forEach(
        (id, sequence) -> {
          if (ledger.snapshots.containsKey(id)) {
            return;
          }
          if (ledger.removed.contains(id)) {
            notes.add(
                "snapshot "
                    + id.shortForm()
                    + " was replaced in the ledger (re-sequenced by a repair) and is still stored");
            return;
          }
          problems.add(
              "snapshot "
                  + id.shortForm()
                  + " (sequence "
                  + sequence
                  + ") is not recorded in the ledger: a backup was stopped before recording it,"
                  + " an older version wrote it, or the ledger's newest generation was deleted"
                  + " (the next backup, or 'check --repair', records it)");
        });
    long unrecorded =
        packs.stream()
            .filter(
                p -> Ledger.hashOf(p.name()).map(h -> !ledger.packs.containsKey(h)).orElse(true))
            .count();
    if (unrecorded > 0) {
      notes.add(
          unrecorded
              + " packs are not recorded in the ledger (written by backups that did not finish;"
              + " the next backup records those it can use)");
    }
  }

  private Optional<String> verifyPack(PackInfo p) throws IOException {
    try (InputStream in = repo.store().get(p.name())) {
      PackReader.Verification v =
          PackReader.verify(in, p.length(), repo.config().id(), repo.config().publicKey());
      String sha = HexFormat.of().formatHex(v.sha256());
      if (!p.name().value().equals(Repository.DATA + sha)) {
        return Optional.of("its content's SHA-256 " + sha.substring(0, 12) + "… is not its name");
      }
      return v.problem();
    }
  }

  private void checkWithKeys(
      List<PackInfo> packs,
      Map<PackName, String> damaged,
      boolean readData,
      List<String> problems,
      List<String> affected,
      Set<PackName> reported)
      throws IOException {
    BlobCipher cipher = repo.newCipher();
    MasterKeys.IdHasher hasher = repo.requireKeys().idHasher();
    Map<BlobId, BlobLocation> index = new HashMap<>();
    Set<BlobId> bad = new HashSet<>();
    BlobLimits limits = BlobLimits.of(repo.config());
    for (PackInfo p : packs) {
      List<PackEntry> entries;
      try {
        entries = repo.readIndex(p, cipher);
      } catch (FormatException e) {
        damaged.putIfAbsent(p.name(), "its index is unreadable: " + e.getMessage());
        continue;
      }
      for (PackEntry e : entries) {
        Optional<String> beyond = limits.check(e);
        if (beyond.isPresent()) {
          bad.add(e.id());
          damaged.merge(p.name(), beyond.get(), (x, y) -> x + "; " + y);
        }
        index.putIfAbsent(e.id(), new BlobLocation(p.name(), e));
      }
      if (!readData) {
        continue;
      }
      // Blob by blob, so that damage is pinned to the blobs (and files) it hits.
      for (PackEntry e : entries) {
        if (bad.contains(e.id())) {
          continue;
        }
        try {
          byte[] plain = repo.readBlob(new BlobLocation(p.name(), e), cipher);
          if (!hasher.id(plain, 0, plain.length).equals(e.id())) {
            throw new FormatException("blob " + e.id().shortForm() + " does not match its id");
          }
        } catch (FormatException ex) {
          bad.add(e.id());
          damaged.merge(p.name(), ex.getMessage(), (x, y) -> x + "; " + y);
        }
      }
    }
    List<Repository.StoredSnapshot> snapshots = repo.snapshots();
    // Damaged in a way only the keys show (a body that does not decrypt), or of another repository.
    repo.damaged(Repository.SNAPSHOTS)
        .forEach(
            (name, why) -> {
              if (!reported.contains(name)) {
                problems.add("snapshot " + name + ": " + why);
              }
            });
    for (Repository.StoredSnapshot s : snapshots) {
      TreeReader tree = new TreeReader(repo, index, s.snapshot().trees());
      TreeRules rules = new TreeRules();
      int broken = 0;
      try {
        Optional<TreeEntry> next;
        while ((next = tree.next()).isPresent()) {
          TreeEntry e = next.get();
          Optional<String> why = rules.check(e, tree.version());
          if (why.isPresent() && ++broken <= REPORTED_RULE_BREAKS) {
            problems.add(
                "snapshot "
                    + s.id().shortForm()
                    + ": entry '/"
                    + PathBytes.display(e.path())
                    + "' breaks the tree's rules: "
                    + why.get());
          }
          for (BlobId id : e.chunks()) {
            if (!index.containsKey(id) || bad.contains(id)) {
              affected.add(s.id().shortForm() + " /" + e.path());
              if (!index.containsKey(id)) {
                problems.add(
                    "snapshot "
                        + s.id().shortForm()
                        + ": file '/"
                        + e.path()
                        + "' needs chunk "
                        + id.shortForm()
                        + ", which no readable pack holds");
              }
              break;
            }
          }
        }
      } catch (FormatException e) {
        problems.add("snapshot " + s.id().shortForm() + ": its tree is damaged: " + e.getMessage());
      }
      if (broken > REPORTED_RULE_BREAKS) {
        problems.add(
            "snapshot "
                + s.id().shortForm()
                + ": "
                + (broken - REPORTED_RULE_BREAKS)
                + " more entries break the tree's rules");
      }
    }
  }
}
