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
import dev.strata.format.repo.TreeEntry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks a repository.
 *
 * <ul>
 *   <li>Always: the config's signature; every snapshot manifest's signature, repository and unique
 *       sequence number; every pack's trailer.
 *   <li>With {@code readData}: every pack is read whole; its SHA-256 must be its name and the
 *       signature over its content must verify — no decryption key needed.
 *   <li>With the keys: the pack indexes and snapshots decrypt, no blob declares a length beyond the
 *       format's limits, every snapshot's tree keeps the {@link TreeRules}, and every blob a
 *       snapshot needs exists; with {@code readData} also every blob decrypts and matches its id.
 *       Files that a damaged or missing pack affects are named.
 * </ul>
 */
public final class Check {
  /** What the check found; an empty {@code problems} means the repository is sound. */
  public record Result(
      long packs, long bytesRead, long snapshots, List<String> problems, List<String> affected) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** Entries that break the tree's rules named per snapshot; the rest are counted. */
  private static final int REPORTED_RULE_BREAKS = 50;

  private final Repository repo;
  private final int workers;

  public Check(Repository repo, int workers) {
    this.repo = repo;
    this.workers = workers;
  }

  public Result run(boolean readData) throws IOException, InterruptedException {
    List<String> problems = new ArrayList<>();
    Map<PackName, String> damaged = new TreeMap<>();
    List<PackInfo> packs = repo.packs();
    long bytesRead = 0;

    // Snapshots: signatures and sequence numbers, keyless.
    Map<Long, PackName> sequences = new HashMap<>();
    long snapshotCount = 0;
    for (PackName name : repo.snapshotNames()) {
      snapshotCount++;
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
        }
      } catch (FormatException e) {
        problems.add("snapshot " + name + ": " + e.getMessage());
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

    List<String> affected = new ArrayList<>();
    if (repo.hasKeys()) {
      checkWithKeys(packs, damaged, readData, problems, affected);
    }
    damaged.forEach((p, why) -> problems.add("pack " + p + " is damaged: " + why));
    return new Result(packs.size(), bytesRead, snapshotCount, problems, affected);
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
      List<String> affected)
      throws IOException {
    BlobCipher cipher = repo.newCipher();
    MasterKeys.IdHasher hasher = repo.requireKeys().idHasher();
    Map<BlobId, BlobLocation> index = new HashMap<>();
    java.util.Set<BlobId> bad = new java.util.HashSet<>();
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
    List<Repository.StoredSnapshot> snapshots;
    try {
      snapshots = repo.snapshots();
    } catch (RepositoryException e) {
      problems.add(e.getMessage());
      return;
    }
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
