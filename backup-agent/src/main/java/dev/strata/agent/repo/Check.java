package dev.strata.agent.repo;

import dev.strata.disk.PackInfo;
import dev.strata.disk.PackName;
import dev.strata.format.FormatException;
import dev.strata.format.repo.BlobCipher;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.MasterKeys;
import dev.strata.format.repo.PackEntry;
import dev.strata.format.repo.PackReader;
import dev.strata.format.repo.Snapshot;
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
 *   <li>With the keys: the pack indexes and snapshots decrypt, and every blob a snapshot needs
 *       exists; with {@code readData} also every blob decrypts and matches its id. Files that a
 *       damaged or missing pack affects are named.
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

    // Key files, keyless: a damaged one does not stop the others from opening the repository.
    repo.keys();
    repo.damaged(Repository.KEYS)
        .forEach((name, why) -> problems.add("key file " + name + ": " + why));

    // Snapshots: signatures and sequence numbers, keyless.
    Set<PackName> reported = new HashSet<>();
    Map<Long, PackName> sequences = new HashMap<>();
    long snapshotCount = 0;
    for (PackName name : repo.snapshotNames()) {
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

    List<String> affected = new ArrayList<>();
    if (repo.hasKeys()) {
      checkWithKeys(packs, damaged, readData, problems, affected, reported);
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
      List<String> affected,
      Set<PackName> reported)
      throws IOException {
    BlobCipher cipher = repo.newCipher();
    MasterKeys.IdHasher hasher = repo.requireKeys().idHasher();
    Map<BlobId, BlobLocation> index = new HashMap<>();
    Set<BlobId> bad = new HashSet<>();
    for (PackInfo p : packs) {
      List<PackEntry> entries;
      try {
        entries = repo.readIndex(p, cipher);
      } catch (FormatException e) {
        damaged.putIfAbsent(p.name(), "its index is unreadable: " + e.getMessage());
        continue;
      }
      for (PackEntry e : entries) {
        index.putIfAbsent(e.id(), new BlobLocation(p.name(), e));
      }
      if (!readData) {
        continue;
      }
      // Blob by blob, so that damage is pinned to the blobs (and files) it hits.
      for (PackEntry e : entries) {
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
      try {
        Optional<TreeEntry> next;
        while ((next = tree.next()).isPresent()) {
          TreeEntry e = next.get();
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
    }
  }
}
