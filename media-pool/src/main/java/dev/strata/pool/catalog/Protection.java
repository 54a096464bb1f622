package dev.strata.pool.catalog;

import dev.strata.pool.MediaClass;
import dev.strata.pool.TargetId;
import dev.strata.pool.policy.CopyFacts;
import dev.strata.pool.policy.CopyRequirements;
import dev.strata.pool.policy.Requirement;
import dev.strata.pool.policy.Shortfall;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A snapshot's protection, derived from the copies of its packs and the copies its policy requires
 * ({@link CopyRequirements}, the planner's reading). Only copies read back intact (VERIFIED) count:
 * a copy never read is only hoped to exist. Each pack is judged on its own — restore reads every
 * pack from whichever copy is good — and the snapshot is as protected as its least protected pack.
 *
 * @param packs how many packs the snapshot needs
 * @param packsAtRisk packs without a single verified copy
 * @param awaitingVerification copies that are durable but not yet read back
 * @param missing each requirement some packs miss, with the worst shortfall and how many packs
 */
public record Protection(
    ProtectionState state,
    int packs,
    int packsAtRisk,
    int awaitingVerification,
    List<Missing> missing) {

  public Protection {
    missing = List.copyOf(missing);
  }

  /**
   * A requirement that {@code packs} of the snapshot's packs do not meet; {@code worst} is the
   * largest shortfall among them.
   */
  public record Missing(Shortfall worst, int packs) {
    /** "1 of 3 copies (in 12 packs)". */
    public String describe() {
      return worst.describe() + " (in " + packs + (packs == 1 ? " pack)" : " packs)");
    }
  }

  /**
   * Derives the protection of {@code snapshot}.
   *
   * @param copies copies of the snapshot's packs (others, and other tenants', are ignored)
   * @param withinRestoreObjective whether a target can restore this snapshot within the policy's
   *     restore-time objective (the ranking's figures say; see {@link
   *     CopyRequirements#restorableInTime})
   */
  public static Protection assess(
      Snapshot snapshot,
      CopyRequirements requirements,
      Collection<PackCopy> copies,
      Predicate<TargetId> withinRestoreObjective) {
    Set<PackHash> packs = snapshot.packs();
    Map<PackHash, List<CopyFacts>> verified = new HashMap<>();
    int awaiting = 0;
    for (PackCopy c : copies) {
      if (!c.tenantId().equals(snapshot.tenantId()) || !packs.contains(c.pack())) {
        continue;
      }
      if (c.state() == CopyState.VERIFIED) {
        verified
            .computeIfAbsent(c.pack(), p -> new ArrayList<>())
            .add(c.facts(withinRestoreObjective.test(c.targetId())));
      } else if (c.state() == CopyState.DURABLE) {
        awaiting++;
      }
    }
    int atRisk = 0;
    // Keyed by requirement and media class, in the fixed order shortfalls come in.
    Map<String, Shortfall> worst = new HashMap<>();
    Map<String, Integer> count = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (Requirement r : Requirement.values()) {
      if (r == Requirement.MEDIA_CLASS) {
        for (MediaClass mc : MediaClass.values()) {
          order.add(r + "/" + mc);
        }
      } else {
        order.add(r + "/");
      }
    }
    for (PackHash p : packs) {
      List<CopyFacts> facts = verified.getOrDefault(p, List.of());
      if (facts.isEmpty()) {
        atRisk++;
      }
      for (Shortfall s : requirements.shortfalls(facts)) {
        String key = s.requirement() + "/" + (s.mediaClass() == null ? "" : s.mediaClass());
        worst.merge(key, s, (a, b) -> b.missing() > a.missing() ? b : a);
        count.merge(key, 1, Integer::sum);
      }
    }
    List<Missing> missing = new ArrayList<>();
    for (String key : order) {
      if (worst.containsKey(key)) {
        missing.add(new Missing(worst.get(key), count.get(key)));
      }
    }
    ProtectionState state =
        atRisk > 0
            ? ProtectionState.AT_RISK
            : missing.isEmpty() ? ProtectionState.PROTECTED : ProtectionState.PARTIALLY_PROTECTED;
    return new Protection(state, packs.size(), atRisk, awaiting, missing);
  }
}
