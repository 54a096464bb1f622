package dev.strata.pool.policy;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.MediaClass;
import dev.strata.pool.TargetId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The copies a policy requires of every pack, as one reading shared by the placement planner (what
 * is still missing, so what to place) and the catalog (whether a snapshot is protected): so many
 * copies on distinct targets, spanning so many data centers, so many on each media class, and at
 * least one restorable within the restore-time objective. Copies on the same target count once.
 */
public record CopyRequirements(
    int copies,
    int minDataCenters,
    Map<MediaClass, Integer> minCopiesPerClass,
    Duration restoreTimeObjective) {

  public CopyRequirements {
    minCopiesPerClass = Collections.unmodifiableMap(new EnumMap<>(minCopiesPerClass));
  }

  public static CopyRequirements of(PolicyTerms terms) {
    EnumMap<MediaClass, Integer> classes = new EnumMap<>(MediaClass.class);
    classes.putAll(terms.minCopiesPerClass());
    return new CopyRequirements(
        terms.copies(), terms.minDataCenters(), classes, terms.restoreTimeObjective());
  }

  public int minCopies(MediaClass mediaClass) {
    return minCopiesPerClass.getOrDefault(mediaClass, 0);
  }

  /**
   * Whether a copy of {@code sizeBytes} on a target with the given measured access latency and read
   * throughput can be read back within the restore-time objective. Unknown figures (a negative
   * value) never meet it: a promise is not made on an unmeasured target.
   */
  public boolean restorableInTime(long sizeBytes, long latencyMicros, long readBytesPerSecond) {
    if (latencyMicros < 0 || readBytesPerSecond <= 0) {
      return false;
    }
    double seconds = latencyMicros / 1e6 + (double) sizeBytes / readBytesPerSecond;
    return seconds <= restoreTimeObjective.getSeconds();
  }

  /**
   * The requirements that {@code existing} does not meet, in a fixed order (copies, data centers,
   * media classes in their declared order, restore time); empty when every one is met.
   */
  public List<Shortfall> shortfalls(Collection<CopyFacts> existing) {
    Map<TargetId, CopyFacts> byTarget = new HashMap<>();
    Set<TargetId> fast = new HashSet<>();
    for (CopyFacts c : existing) {
      byTarget.putIfAbsent(c.target(), c);
      if (c.withinRestoreObjective()) {
        fast.add(c.target());
      }
    }
    Set<DataCenterId> dcs = new HashSet<>();
    EnumMap<MediaClass, Integer> perClass = new EnumMap<>(MediaClass.class);
    for (CopyFacts c : byTarget.values()) {
      dcs.add(c.dataCenter());
      perClass.merge(c.mediaClass(), 1, Integer::sum);
    }
    List<Shortfall> out = new ArrayList<>();
    if (byTarget.size() < copies) {
      out.add(new Shortfall(Requirement.COPIES, null, copies, byTarget.size()));
    }
    if (dcs.size() < minDataCenters) {
      out.add(new Shortfall(Requirement.DATA_CENTERS, null, minDataCenters, dcs.size()));
    }
    for (MediaClass mc : MediaClass.values()) {
      int need = minCopies(mc);
      int have = perClass.getOrDefault(mc, 0);
      if (have < need) {
        out.add(new Shortfall(Requirement.MEDIA_CLASS, mc, need, have));
      }
    }
    if (fast.isEmpty()) {
      out.add(new Shortfall(Requirement.RESTORE_TIME, null, 1, 0));
    }
    return List.copyOf(out);
  }
}
