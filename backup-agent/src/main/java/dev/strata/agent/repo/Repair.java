package dev.strata.agent.repo;

import dev.strata.disk.PackName;
import dev.strata.format.FormatException;
import dev.strata.format.repo.LedgerGeneration;
import dev.strata.format.repo.Snapshot;
import dev.strata.format.repo.SnapshotId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check --repair}: makes the ledger and the sequence numbers whole again without losing a
 * snapshot. Under the repository lock it
 *
 * <ul>
 *   <li>records the snapshots the ledger lacks (an interrupted commit, an older version's backups);
 *   <li>gives each snapshot whose sequence number another one already has (two backups of an older
 *       version at once) the next free number: a copy, re-signed, identical but for the number, is
 *       written and read back before the old object is removed;
 *   <li>records the packs the ledger lacks whose index the keys open;
 *   <li>writes a checkpoint (the whole state) when the ledger's chain is broken.
 * </ul>
 *
 * What cannot be repaired — a snapshot or pack that is damaged, or missing although recorded — is
 * left as it is (the ledger keeps recording what is missing, so the loss stays visible) and named.
 */
public final class Repair {
  /** What the repair did, and what it could not repair. */
  public record Result(List<String> actions, List<String> left) {}

  private final Repository repo;

  public Repair(Repository repo) {
    this.repo = repo;
  }

  public Result run() throws IOException, RepositoryException, InterruptedException {
    repo.requireKeys();
    List<String> actions = new ArrayList<>();
    List<String> left = new ArrayList<>();
    try (RepositoryLock lock = RepositoryLock.acquire(repo, repo.locking())) {
      Ledger.State ledger = Ledger.read(repo.store(), repo.config());
      boolean checkpoint = !ledger.problems.isEmpty() || !ledger.exists();
      List<Repository.StoredSnapshot> readable = repo.snapshots();
      repo.damaged(Repository.SNAPSHOTS)
          .forEach((name, why) -> left.add("snapshot " + name + " is " + why + ": left as it is"));

      List<LedgerGeneration.Change> changes = new ArrayList<>();
      List<SnapshotId> toDelete = new ArrayList<>();
      Set<Long> taken = new HashSet<>();
      ledger.snapshots.values().forEach(r -> taken.add(r.sequence()));
      long highest = ledger.highestSequence;
      for (Repository.StoredSnapshot s : readable) {
        highest = Math.max(highest, s.snapshot().sequence());
      }

      // Stored but not recorded, oldest first; a removed one (re-sequenced before) just goes.
      List<Repository.StoredSnapshot> unrecorded = new ArrayList<>();
      for (Repository.StoredSnapshot s : readable) {
        if (ledger.removed.contains(s.id())) {
          toDelete.add(s.id());
        } else if (!ledger.snapshots.containsKey(s.id())) {
          unrecorded.add(s);
        }
      }
      unrecorded.sort(
          Comparator.comparingLong((Repository.StoredSnapshot s) -> s.snapshot().sequence())
              .thenComparing(s -> s.snapshot().time())
              .thenComparing(Repository.StoredSnapshot::id));
      long last = ledger.highestSequence;
      List<Repository.StoredSnapshot> renumber = new ArrayList<>();
      for (Repository.StoredSnapshot s : unrecorded) {
        long seq = s.snapshot().sequence();
        // A checkpoint lists everything in order, so there only a taken number needs a new one.
        if ((checkpoint || seq > last) && taken.add(seq)) {
          changes.add(new LedgerGeneration.SnapshotAdded(seq, s.id()));
          actions.add("recorded snapshot " + s.id().shortForm() + " (sequence " + seq + ")");
          last = Math.max(last, seq);
        } else {
          renumber.add(s);
        }
      }
      for (Repository.StoredSnapshot s : renumber) {
        long seq = ++highest;
        SnapshotId copy = resequenced(s, seq);
        changes.add(new LedgerGeneration.SnapshotAdded(seq, copy));
        toDelete.add(s.id());
        actions.add(
            "snapshot "
                + s.id().shortForm()
                + " shared sequence "
                + s.snapshot().sequence()
                + " with another: stored again as "
                + copy.shortForm()
                + " with sequence "
                + seq);
      }

      List<LedgerGeneration.Change> packs = repo.unrecordedPacks(ledger, Optional.empty());
      changes.addAll(packs);
      if (!packs.isEmpty()) {
        actions.add("recorded " + packs.size() + " packs in the ledger");
      }

      ledger.snapshots.forEach(
          (id, rec) -> {
            if (readable.stream().noneMatch(s -> s.id().equals(id))
                && !repo.damaged().containsKey(PackName.of(Repository.SNAPSHOTS + id.hex()))) {
              left.add(
                  "snapshot "
                      + id.shortForm()
                      + " (sequence "
                      + rec.sequence()
                      + ") is recorded but missing: it cannot be brought back here");
            }
          });

      if (checkpoint) {
        List<LedgerGeneration.Change> all = new ArrayList<>();
        List<Map.Entry<SnapshotId, Long>> snaps = new ArrayList<>();
        ledger.snapshots.forEach((id, rec) -> snaps.add(Map.entry(id, rec.sequence())));
        for (LedgerGeneration.Change c : changes) {
          if (c instanceof LedgerGeneration.SnapshotAdded a) {
            snaps.add(Map.entry(a.id(), a.sequence()));
          }
        }
        snaps.sort(Map.Entry.comparingByValue());
        snaps.forEach(e -> all.add(new LedgerGeneration.SnapshotAdded(e.getValue(), e.getKey())));
        ledger.packs.forEach((h, rec) -> all.add(new LedgerGeneration.PackAdded(h, rec.length())));
        all.addAll(packs);
        long g = repo.appendLedger(lock, ledger, all, true);
        actions.add(
            "wrote ledger generation "
                + g
                + ", a checkpoint of "
                + snaps.size()
                + " snapshots and "
                + (ledger.packs.size() + packs.size())
                + " packs"
                + (ledger.exists() ? " (the chain before it was broken)" : ""));
      } else if (!changes.isEmpty()) {
        long g = repo.appendLedger(lock, ledger, changes, false);
        actions.add("wrote ledger generation " + g);
      }
      // Only now that the ledger records the copies do the originals go.
      for (SnapshotId id : toDelete) {
        repo.store().delete(PackName.of(Repository.SNAPSHOTS + id.hex()));
        actions.add("removed snapshot " + id.shortForm() + " (replaced by its re-sequenced copy)");
      }
    }
    return new Result(actions, left);
  }

  /** Stores a copy of {@code s} with sequence {@code seq}, and reads it back before trusting it. */
  private SnapshotId resequenced(Repository.StoredSnapshot s, long seq)
      throws IOException, RepositoryException {
    Snapshot o = s.snapshot();
    Snapshot copy =
        new Snapshot(
            o.repository(),
            seq,
            o.time(),
            o.host(),
            o.user(),
            o.paths(),
            o.parent(),
            o.trees(),
            o.files(),
            o.bytes());
    SnapshotId id = repo.writeSnapshotObject(copy);
    try {
      Snapshot back = repo.readSnapshot(id);
      if (!back.equals(copy)) {
        throw new RepositoryException(
            "the re-sequenced copy of snapshot " + s.id().shortForm() + " reads back differently");
      }
    } catch (FormatException e) {
      throw new RepositoryException(
          "the re-sequenced copy of snapshot "
              + s.id().shortForm()
              + " does not read back: "
              + e.getMessage());
    }
    return id;
  }
}
