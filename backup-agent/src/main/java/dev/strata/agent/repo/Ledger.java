package dev.strata.agent.repo;

import dev.strata.disk.PackName;
import dev.strata.disk.PackStore;
import dev.strata.disk.Sha256;
import dev.strata.format.FormatException;
import dev.strata.format.repo.LedgerGeneration;
import dev.strata.format.repo.PackHash;
import dev.strata.format.repo.RepositoryConfig;
import dev.strata.format.repo.SnapshotId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The repository's ledger as its generations ({@code ledger/<16 hex>}) tell it, verified with the
 * public key only: which snapshots and packs are recorded, the highest sequence number ever
 * committed, and the head (the newest generation's SHA-256), which an outside record (the control
 * center's catalog) can pin. Verification starts at the newest checkpoint; from there every
 * generation must be present, valid and chained to the one before.
 */
final class Ledger {
  static final String LEDGER = "ledger/";
  private static final Pattern NAME = Pattern.compile("ledger/([0-9a-f]{16})");

  /** A recorded snapshot: its sequence and the generation that recorded it. */
  record RecordedSnapshot(long sequence, long generation) {}

  /** A recorded pack: its length and the generation that recorded it. */
  record RecordedPack(long length, long generation) {}

  /** What the ledger says, and what is wrong with it. */
  static final class State {
    final Map<SnapshotId, RecordedSnapshot> snapshots = new LinkedHashMap<>();
    final Set<SnapshotId> removed = new HashSet<>();
    final Map<PackHash, RecordedPack> packs = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
    final Set<String> chainHashes = new HashSet<>();
    long highestSequence;

    /** The newest valid generation, 0 when there is none. */
    long generation;

    /** The SHA-256 of the newest valid generation's bytes, hex; empty when there is none. */
    String head = "";

    /** Whether any object lies under {@code ledger/} (valid or not). */
    boolean anyObject;

    /** Whether the repository has a ledger to check against. */
    boolean exists() {
      return generation > 0;
    }

    private void reset() {
      snapshots.clear();
      removed.clear();
      packs.clear();
      highestSequence = 0;
    }
  }

  private Ledger() {}

  static PackName nameOf(long generation) {
    return PackName.of(LEDGER + String.format("%016x", generation));
  }

  /** Reads and verifies every generation. Never throws for a damaged ledger: it says so. */
  static State read(PackStore store, RepositoryConfig config) throws IOException {
    State st = new State();
    TreeMap<Long, byte[]> bytes = new TreeMap<>();
    TreeMap<Long, LedgerGeneration> valid = new TreeMap<>();
    Map<Long, String> damaged = new TreeMap<>();
    for (PackName name : Repository.list(store, LEDGER)) {
      st.anyObject = true;
      var m = NAME.matcher(name.value());
      long g = m.matches() ? Long.parseUnsignedLong(m.group(1), 16) : -1;
      if (g < 1 || g > (1L << 48)) {
        st.problems.add("ledger object " + name + " is not a ledger generation (junk?)");
        continue;
      }
      byte[] b = Repository.readObject(store, name);
      bytes.put(g, b);
      try {
        LedgerGeneration gen = LedgerGeneration.decode(b, config.publicKey());
        if (gen.generation() != g) {
          damaged.put(g, "it holds generation " + gen.generation() + ", not the one its name says");
        } else if (!gen.repository().equals(config.id())) {
          damaged.put(g, "it belongs to another repository (" + gen.repository() + ")");
        } else {
          valid.put(g, gen);
        }
      } catch (FormatException e) {
        damaged.put(g, e.getMessage());
      }
    }
    if (valid.isEmpty()) {
      damaged.forEach(
          (g, why) -> st.problems.add("ledger generation " + g + " is damaged: " + why));
      return st;
    }
    // From the newest checkpoint on; before it, history is not needed.
    long start = valid.firstKey();
    for (LedgerGeneration g : valid.descendingMap().values()) {
      if (g.kind() == LedgerGeneration.Kind.CHECKPOINT) {
        start = g.generation();
        break;
      }
    }
    if (start != 1 && valid.get(start).kind() != LedgerGeneration.Kind.CHECKPOINT) {
      st.problems.add(
          "the ledger's first generations are missing or damaged: the oldest valid one is "
              + start
              + ", and it is no checkpoint");
    }
    long last = valid.lastKey();
    for (long g = start; g <= last; g++) {
      LedgerGeneration gen = valid.get(g);
      if (gen == null) {
        st.problems.add(
            "ledger generation "
                + g
                + (damaged.containsKey(g)
                    ? " is damaged: " + damaged.get(g)
                    : " is missing (deleted?)")
                + "; the ledger's chain is broken there ('check --repair' writes a checkpoint)");
        continue;
      }
      byte[] expected =
          g == 1 ? new byte[32] : bytes.containsKey(g - 1) ? sha256(bytes.get(g - 1)) : null;
      if (g != start && expected != null && !java.util.Arrays.equals(gen.previous(), expected)) {
        st.problems.add(
            "ledger generation "
                + g
                + " does not chain to generation "
                + (g - 1)
                + " (replaced, or written by two processes at once)");
      }
      apply(st, gen);
      st.chainHashes.add(Sha256.digest(bytes.get(g)).toString());
    }
    // A damaged object after the newest valid generation: its writer did not finish, or junk.
    damaged.forEach(
        (g, why) -> {
          if (g > last) {
            st.problems.add("ledger generation " + g + " is damaged: " + why);
          }
        });
    st.generation = last;
    st.head = Sha256.digest(bytes.get(last)).toString();
    return st;
  }

  private static void apply(State st, LedgerGeneration gen) {
    long g = gen.generation();
    if (gen.kind() == LedgerGeneration.Kind.CHECKPOINT) {
      st.reset();
    }
    for (LedgerGeneration.Change c : gen.changes()) {
      if (c instanceof LedgerGeneration.SnapshotAdded a) {
        if (a.sequence() <= st.highestSequence) {
          st.problems.add(
              "ledger generation "
                  + g
                  + " records snapshot "
                  + a.id().shortForm()
                  + " with sequence "
                  + a.sequence()
                  + ", not above the highest before it ("
                  + st.highestSequence
                  + ")");
        }
        st.highestSequence = Math.max(st.highestSequence, a.sequence());
        st.snapshots.put(a.id(), new RecordedSnapshot(a.sequence(), g));
        st.removed.remove(a.id());
      } else if (c instanceof LedgerGeneration.SnapshotRemoved r) {
        if (st.snapshots.remove(r.id()) == null) {
          st.problems.add(
              "ledger generation "
                  + g
                  + " removes snapshot "
                  + r.id().shortForm()
                  + ", not recorded");
        }
        st.removed.add(r.id());
      } else if (c instanceof LedgerGeneration.PackAdded a) {
        st.packs.put(a.pack(), new RecordedPack(a.length(), g));
      } else if (c instanceof LedgerGeneration.PackRemoved r) {
        st.packs.remove(r.pack());
      }
    }
  }

  /** The pack a ledger entry names. */
  static PackName packName(PackHash h) {
    return PackName.of(Repository.DATA + h);
  }

  /** The ledger's hash of a pack's name, if the name is one of a pack. */
  static Optional<PackHash> hashOf(PackName pack) {
    String v = pack.value();
    if (!v.startsWith(Repository.DATA)
        || !v.substring(Repository.DATA.length()).matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    return Optional.of(PackHash.ofHex(v.substring(Repository.DATA.length())));
  }

  static byte[] sha256(byte[] b) {
    return java.util.HexFormat.of().parseHex(Sha256.digest(b).toString());
  }
}
