package dev.strata.pool.restore;

import dev.strata.pool.NetworkLink;
import dev.strata.pool.catalog.MediumId;
import dev.strata.pool.catalog.PackHash;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which copy a restore reads each pack from, and which it falls back to: for every pack its copies
 * in the order to try them. A copy on disk or in an object store comes before one on tape (no
 * mount, no staging); among those, a copy read back intact before one only written, a copy in the
 * control center's own data center before a remote one (the nearest link), the faster measured
 * reader, the better-ranked target. Packs that only tape holds are read from as few cartridges as
 * possible: the cartridge that holds the most of the restore's tape-only packs is mounted first,
 * and every pack it holds is read from it.
 */
public final class CopyChoice {
  private CopyChoice() {}

  private static final Comparator<SourceCopy> ONLINE =
      Comparator.comparing((SourceCopy c) -> c.verified() ? 0 : 1)
          .thenComparing(c -> c.link() == NetworkLink.LOCAL ? 0 : 1)
          .thenComparing(c -> -c.readBytesPerSecond().orElse(0))
          .thenComparingInt(SourceCopy::rank)
          .thenComparingLong(SourceCopy::copyId);

  /**
   * The copies of each pack in the order a restore tries them; packs without any copy map to an
   * empty list. {@code copies} may hold copies of packs not in {@code packs}; they are ignored.
   */
  public static Map<PackHash, List<SourceCopy>> order(
      Collection<PackHash> packs, Collection<SourceCopy> copies) {
    Map<PackHash, List<SourceCopy>> byPack = new LinkedHashMap<>();
    packs.forEach(p -> byPack.put(p, new ArrayList<>()));
    for (SourceCopy c : copies) {
      List<SourceCopy> l = byPack.get(c.pack());
      if (l != null) {
        l.add(c);
      }
    }
    // Cartridges by how many tape-only packs they would serve, most first (greedy set cover).
    Map<MediumId, Set<PackHash>> tapeOnly = new HashMap<>();
    for (var e : byPack.entrySet()) {
      if (!e.getValue().isEmpty() && e.getValue().stream().allMatch(SourceCopy::isTape)) {
        e.getValue()
            .forEach(
                c ->
                    tapeOnly
                        .computeIfAbsent(c.onTape().get().cartridge(), k -> new HashSet<>())
                        .add(e.getKey()));
      }
    }
    Map<MediumId, Integer> mountOrder = new HashMap<>();
    Set<PackHash> covered = new HashSet<>();
    while (!tapeOnly.isEmpty()) {
      MediumId best =
          tapeOnly.entrySet().stream()
              .max(
                  Comparator.comparingLong(
                          (Map.Entry<MediumId, Set<PackHash>> e) ->
                              e.getValue().stream().filter(p -> !covered.contains(p)).count())
                      .thenComparing(e -> e.getKey().value(), Comparator.reverseOrder()))
              .orElseThrow()
              .getKey();
      covered.addAll(tapeOnly.remove(best));
      mountOrder.put(best, mountOrder.size());
    }
    Comparator<SourceCopy> order =
        Comparator.comparing((SourceCopy c) -> c.isTape() ? 1 : 0)
            .thenComparing(
                c ->
                    c.isTape() ? mountOrder.getOrDefault(c.onTape().get().cartridge(), 1 << 20) : 0)
            .thenComparing(ONLINE);
    byPack.values().forEach(l -> l.sort(order));
    return byPack;
  }

  /** The first choice of each pack that has a copy. */
  public static List<SourceCopy> firstChoices(Map<PackHash, List<SourceCopy>> ordered) {
    return ordered.values().stream().filter(l -> !l.isEmpty()).map(l -> l.get(0)).toList();
  }
}
