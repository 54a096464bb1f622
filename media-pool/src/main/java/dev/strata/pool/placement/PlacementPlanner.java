package dev.strata.pool.placement;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.MediaClass;
import dev.strata.pool.TargetId;
import dev.strata.pool.policy.CopyFacts;
import dev.strata.pool.policy.CopyRequirements;
import dev.strata.pool.policy.PolicyTerms;
import dev.strata.pool.policy.Requirement;
import dev.strata.pool.policy.ServiceFloor;
import dev.strata.pool.policy.Shortfall;
import dev.strata.pool.rank.ServiceFigures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses a target for every copy a policy still needs.
 *
 * <p><b>Eligibility.</b> A candidate can receive a copy only when it is ACTIVE, does not already
 * hold a copy, is HEALTHY or DEGRADED, meets the policy's service floor, and has at least the size
 * free. Every other candidate is rejected with the first of these it fails.
 *
 * <p><b>Choice.</b> Eligible candidates are taken in preference order — higher score, then lower
 * cost, then target id — and each next copy goes to the first candidate after which the rest of the
 * policy can still be met (copies on distinct targets, the data-center spread, the media classes,
 * one copy within the restore-time objective). That "can still be met" is decided exactly (a
 * bipartite matching between media-class needs and new data centers; see {@code
 * docs/decisions/0021-placement-greedy-with-exact-feasibility.md}), so the planner finds a plan
 * whenever one exists, and the plan it finds is the best one in preference order, copy by copy.
 *
 * <p><b>Determinism.</b> The preference order is total (the id breaks every tie) and nothing
 * depends on hash order, so equal inputs give equal plans, whatever the order of the candidates.
 *
 * <p>Stateless and thread-safe.
 */
public final class PlacementPlanner {

  /** Higher score first, then lower declared cost (undeclared last), then target id. */
  public static final Comparator<Candidate> PREFERENCE =
      Comparator.comparingDouble((Candidate c) -> -c.score().total())
          .thenComparingLong(c -> c.cost().isPresent() ? c.cost().get().micros() : Long.MAX_VALUE)
          .thenComparing(c -> c.target().value());

  private static final MediaClass[] CLASSES = MediaClass.values();
  private static final int NC = CLASSES.length;
  private static final int INF = Integer.MAX_VALUE / 4;

  public PlacementPlan plan(PlacementRequest request, Collection<Candidate> candidates) {
    PolicyTerms policy = request.policy();
    CopyRequirements req = policy.requirements();
    long size = request.sizeBytes();

    Candidate[] all = candidates.toArray(new Candidate[0]);
    Arrays.sort(all, PREFERENCE);
    Map<TargetId, Candidate> byId = new HashMap<>(all.length * 2);
    for (Candidate c : all) {
      if (byId.put(c.target(), c) != null) {
        throw new InvalidValueException("candidates", "candidate " + c.target() + " given twice");
      }
    }

    // What the existing copies already give.
    Set<TargetId> holding = new HashSet<>();
    List<CopyFacts> facts = new ArrayList<>();
    for (ExistingCopy e : request.existing()) {
      Candidate c = byId.get(e.target());
      boolean fast = c != null && restorable(req, size, c.figures());
      facts.add(new CopyFacts(e.target(), e.dataCenter(), e.mediaClass(), fast));
      holding.add(e.target());
    }

    // Eligibility, in preference order.
    Rejection[] verdict = new Rejection[all.length];
    int[] eligible = new int[all.length];
    int ne = 0;
    for (int i = 0; i < all.length; i++) {
      verdict[i] = exclusion(all[i], policy.floor(), size, holding);
      if (verdict[i] == null) {
        eligible[ne++] = i;
      }
    }

    Search s = new Search(req, facts, holding.size());
    int[] dcOf = new int[all.length];
    int[] classOf = new int[all.length];
    boolean[] fastOf = new boolean[all.length];
    for (int j = 0; j < ne; j++) {
      int i = eligible[j];
      dcOf[i] = s.dcIndex(all[i].dataCenter());
      classOf[i] = all[i].mediaClass().ordinal();
      fastOf[i] = restorable(req, size, all[i].figures());
    }
    s.seal();
    for (int j = 0; j < ne; j++) {
      int i = eligible[j];
      s.add(dcOf[i], classOf[i], fastOf[i]);
    }

    if (!s.feasible()) {
      List<Unmet> unmet = s.diagnose(req, facts, size);
      for (int j = 0; j < ne; j++) {
        int i = eligible[j];
        verdict[i] =
            new Rejection(
                all[i].target(),
                Constraint.POLICY_UNMEETABLE,
                "eligible, but no plan over this pool meets the policy: " + unmet.get(0).reason());
      }
      return new PlacementPlan(false, List.of(), rejections(all, verdict, null), unmet);
    }

    // Greedy in preference order, keeping the rest of the policy meetable after every choice.
    boolean[] chosen = new boolean[all.length];
    Rejection[] skipped = new Rejection[all.length];
    List<PlannedCopy> plan = new ArrayList<>();
    int[] memoStep = new int[s.groups()];
    Constraint[] memo = new Constraint[s.groups()];
    String[] memoDetail = new String[s.groups()];
    Arrays.fill(memoStep, -1);
    int ordinal = 0;
    while (s.k > 0) {
      List<Rejection> passedOver = new ArrayList<>();
      int pick = -1;
      for (int j = 0; j < ne && pick < 0; j++) {
        int i = eligible[j];
        if (chosen[i]) {
          continue;
        }
        int g = s.group(dcOf[i], classOf[i], fastOf[i]);
        if (memoStep[g] != ordinal) {
          memoStep[g] = ordinal;
          memo[g] = s.consequence(dcOf[i], classOf[i], fastOf[i]);
          memoDetail[g] = memo[g] == null ? null : breaks(memo[g], s);
        }
        if (memo[g] == null) {
          pick = i;
        } else {
          Rejection r = new Rejection(all[i].target(), memo[g], memoDetail[g]);
          passedOver.add(r);
          if (skipped[i] == null) {
            skipped[i] = r;
          }
        }
      }
      if (pick < 0) {
        throw new IllegalStateException("feasible state without a feasible choice"); // unreachable
      }
      List<String> fulfils = s.fulfils(dcOf[pick], classOf[pick], fastOf[pick], all[pick]);
      s.take(dcOf[pick], classOf[pick], fastOf[pick]);
      chosen[pick] = true;
      ordinal++;
      Candidate c = all[pick];
      plan.add(
          new PlannedCopy(
              ordinal,
              c.target(),
              c.dataCenter(),
              c.mediaClass(),
              c.score().total(),
              fulfils,
              passedOver));
    }
    for (int j = 0; j < ne; j++) {
      int i = eligible[j];
      if (!chosen[i]) {
        verdict[i] =
            skipped[i] != null
                ? skipped[i]
                : new Rejection(
                    all[i].target(),
                    Constraint.OUTRANKED,
                    "eligible; every copy went to a better-ranked or cheaper target");
      }
    }
    return new PlacementPlan(true, plan, rejections(all, verdict, chosen), List.of());
  }

  private static List<Rejection> rejections(
      Candidate[] all, Rejection[] verdict, boolean[] chosen) {
    List<Rejection> out = new ArrayList<>(all.length);
    for (int i = 0; i < all.length; i++) {
      if ((chosen == null || !chosen[i]) && verdict[i] != null) {
        out.add(verdict[i]);
      }
    }
    return out;
  }

  private static boolean restorable(CopyRequirements req, long size, ServiceFigures f) {
    return req.restorableInTime(
        size,
        f.latencyMicros().isPresent() ? f.latencyMicros().getAsLong() : -1,
        f.readBytesPerSecond().isPresent() ? f.readBytesPerSecond().getAsLong() : -1);
  }

  /** The first hard constraint {@code c} fails, or {@code null} when it is eligible. */
  static Rejection exclusion(Candidate c, ServiceFloor floor, long size, Set<TargetId> holding) {
    if (!c.targetState().acceptsNewCopies()) {
      return new Rejection(
          c.target(), Constraint.TARGET_STATE, "target is " + c.targetState() + ", not ACTIVE");
    }
    if (holding.contains(c.target())) {
      return new Rejection(c.target(), Constraint.HOLDS_COPY, "already holds a copy");
    }
    if (!c.serviceState().mayReceiveCopies()) {
      return new Rejection(
          c.target(), Constraint.SERVICE_STATE, "service state is " + c.serviceState());
    }
    ServiceFigures f = c.figures();
    if (floor.minAvailability() > 0
        && (f.availability().isEmpty()
            || f.availability().getAsDouble() < floor.minAvailability())) {
      return new Rejection(
          c.target(),
          Constraint.FLOOR_AVAILABILITY,
          "availability "
              + (f.availability().isEmpty() ? "not measured" : pct(f.availability().getAsDouble()))
              + " below the floor of "
              + pct(floor.minAvailability()));
    }
    if (floor.minWriteBytesPerSecond() > 0
        && (f.writeBytesPerSecond().isEmpty()
            || f.writeBytesPerSecond().getAsLong() < floor.minWriteBytesPerSecond())) {
      return new Rejection(
          c.target(),
          Constraint.FLOOR_WRITE_THROUGHPUT,
          "write throughput "
              + (f.writeBytesPerSecond().isEmpty()
                  ? "not measured"
                  : f.writeBytesPerSecond().getAsLong() + " B/s")
              + " below the floor of "
              + floor.minWriteBytesPerSecond()
              + " B/s");
    }
    if (floor.minReadBytesPerSecond() > 0
        && (f.readBytesPerSecond().isEmpty()
            || f.readBytesPerSecond().getAsLong() < floor.minReadBytesPerSecond())) {
      return new Rejection(
          c.target(),
          Constraint.FLOOR_READ_THROUGHPUT,
          "read throughput "
              + (f.readBytesPerSecond().isEmpty()
                  ? "not measured"
                  : f.readBytesPerSecond().getAsLong() + " B/s")
              + " below the floor of "
              + floor.minReadBytesPerSecond()
              + " B/s");
    }
    if (f.errorRate().isPresent() && f.errorRate().getAsDouble() > floor.maxErrorRate()) {
      return new Rejection(
          c.target(),
          Constraint.FLOOR_ERROR_RATE,
          "data-error rate "
              + pct(f.errorRate().getAsDouble())
              + " above the floor of "
              + pct(floor.maxErrorRate()));
    }
    if (f.freeBytes().isEmpty()) {
      return new Rejection(c.target(), Constraint.CAPACITY, "free capacity not reported");
    }
    if (f.freeBytes().getAsLong() < size) {
      return new Rejection(
          c.target(),
          Constraint.CAPACITY,
          f.freeBytes().getAsLong() + " bytes free, " + size + " needed");
    }
    return null;
  }

  /** "99.50%": two decimals, without String.format (which dominated a plan's time). */
  static String pct(double ratio) {
    long hundredths = Math.round(ratio * 10_000);
    long frac = hundredths % 100;
    return hundredths / 100 + (frac < 10 ? ".0" : ".") + frac + "%";
  }

  private static String breaks(Constraint c, Search s) {
    return switch (c) {
      case DATA_CENTERS ->
          "its data center already holds a copy; the spread over "
              + s.req.minDataCenters()
              + " data centers could no longer be met";
      case MEDIA_CLASS -> "the media-class requirements could no longer be met";
      case RESTORE_TIME -> "no copy could then meet the restore-time objective";
      default -> c.name();
    };
  }

  /**
   * The state of one planning: the copies still to add and what they must still bring, over the
   * eligible candidates counted by group (data center, media class, within the restore objective).
   * Candidates of one group are interchangeable as far as the policy is concerned, which is what
   * keeps the exact feasibility test small.
   */
  private static final class Search {
    final CopyRequirements req;
    private final Map<DataCenterId, Integer> dcIndex = new HashMap<>();
    private final List<DataCenterId> dcIds = new ArrayList<>();
    private final Set<DataCenterId> existingDcs = new HashSet<>();
    int k;
    private final int[] minPerClass = new int[NC];
    private final int[] have = new int[NC];
    private int usedCount;
    private boolean haveFast;
    private int nd;
    private int[][] slow;
    private int[][] fast;
    private boolean[] used;
    private int[] classAvail;
    private int totalAvail;
    // relaxations, for explanations only
    private boolean ignoreDc;
    private boolean ignoreClass;
    private boolean ignoreFast;
    // matching scratch
    private int[] matchOfDc;
    private int[] slotClass;
    private boolean[] seen;

    Search(CopyRequirements req, List<CopyFacts> existing, int distinctExisting) {
      this.req = req;
      this.k = Math.max(0, req.copies() - distinctExisting);
      Set<TargetId> counted = new HashSet<>();
      for (CopyFacts f : existing) {
        existingDcs.add(f.dataCenter());
        if (counted.add(f.target())) {
          have[f.mediaClass().ordinal()]++;
        }
        haveFast |= f.withinRestoreObjective();
      }
      for (DataCenterId dc : existingDcs) {
        dcIndex(dc);
      }
      for (int c = 0; c < NC; c++) {
        minPerClass[c] = req.minCopies(CLASSES[c]);
      }
    }

    int dcIndex(DataCenterId dc) {
      Integer i = dcIndex.get(dc);
      if (i == null) {
        i = dcIds.size();
        dcIndex.put(dc, i);
        dcIds.add(dc);
      }
      return i;
    }

    void seal() {
      nd = dcIds.size();
      slow = new int[nd][NC];
      fast = new int[nd][NC];
      used = new boolean[nd];
      classAvail = new int[NC];
      for (DataCenterId dc : existingDcs) {
        used[dcIndex.get(dc)] = true;
      }
      usedCount = existingDcs.size();
      matchOfDc = new int[nd];
      slotClass = new int[PolicyTerms.MAX_COPIES];
      seen = new boolean[nd];
    }

    int groups() {
      return nd * NC * 2;
    }

    int group(int x, int c, boolean f) {
      return (x * NC + c) * 2 + (f ? 1 : 0);
    }

    void add(int x, int c, boolean f) {
      if (f) {
        fast[x][c]++;
      } else {
        slow[x][c]++;
      }
      classAvail[c]++;
      totalAvail++;
    }

    int need(int c) {
      return ignoreClass ? 0 : Math.max(0, minPerClass[c] - have[c]);
    }

    int needDc() {
      return ignoreDc ? 0 : Math.max(0, req.minDataCenters() - usedCount);
    }

    boolean needFast() {
      return !ignoreFast && !haveFast;
    }

    /** Takes one candidate of group (x, c, f); returns whether its data center was new. */
    boolean take(int x, int c, boolean f) {
      if (f) {
        fast[x][c]--;
      } else {
        slow[x][c]--;
      }
      classAvail[c]--;
      totalAvail--;
      have[c]++;
      k--;
      haveFast |= f;
      boolean newDc = !used[x];
      if (newDc) {
        used[x] = true;
        usedCount++;
      }
      return newDc;
    }

    void undo(int x, int c, boolean f, boolean newDc, boolean hadFast) {
      if (f) {
        fast[x][c]++;
      } else {
        slow[x][c]++;
      }
      classAvail[c]++;
      totalAvail++;
      have[c]--;
      k++;
      if (newDc) {
        used[x] = false;
        usedCount--;
      }
      haveFast = hadFast;
    }

    /** Whether the copies still to add can meet everything still required. */
    boolean feasible() {
      return totalAvail >= k && minCover() <= k;
    }

    /**
     * {@code null} when taking a candidate of group (x, c, f) keeps the policy meetable, else the
     * requirement it would break.
     */
    Constraint consequence(int x, int c, boolean f) {
      boolean hadFast = haveFast;
      boolean newDc = take(x, c, f);
      Constraint out = null;
      if (!feasible()) {
        // Name the requirement that fails on its own; when only their combination fails, the
        // first one whose relaxation would allow a plan.
        if (!relaxed(false, true, true)) {
          out = Constraint.DATA_CENTERS;
        } else if (!relaxed(true, false, true)) {
          out = Constraint.MEDIA_CLASS;
        } else if (!relaxed(true, true, false)) {
          out = Constraint.RESTORE_TIME;
        } else if (relaxed(true, false, false)) {
          out = Constraint.DATA_CENTERS;
        } else if (relaxed(false, true, false)) {
          out = Constraint.MEDIA_CLASS;
        } else {
          out = Constraint.RESTORE_TIME;
        }
      }
      undo(x, c, f, newDc, hadFast);
      return out;
    }

    private boolean relaxed(boolean dc, boolean cls, boolean fst) {
      ignoreDc = dc;
      ignoreClass = cls;
      ignoreFast = fst;
      try {
        return feasible();
      } finally {
        ignoreDc = false;
        ignoreClass = false;
        ignoreFast = false;
      }
    }

    List<String> fulfils(int x, int c, boolean f, Candidate cand) {
      List<String> out = new ArrayList<>(3);
      if (need(c) > 0) {
        out.add("a copy on " + CLASSES[c]);
      }
      if (!used[x] && needDc() > 0) {
        out.add("a new data center (" + cand.dataCenter() + ")");
      }
      if (f && needFast()) {
        out.add("the restore-time objective");
      }
      if (out.isEmpty()) {
        out.add("one more copy");
      }
      return out;
    }

    /** The fewest candidates that meet every remaining need; INF when none can. */
    private int minCover() {
      if (!needFast()) {
        return cover();
      }
      int best = INF;
      for (int x = 0; x < nd; x++) {
        for (int c = 0; c < NC; c++) {
          if (fast[x][c] > 0) {
            boolean newDc = take(x, c, true);
            int v = cover();
            undo(x, c, true, newDc, false);
            if (v < INF) {
              best = Math.min(best, 1 + v);
            }
          }
        }
      }
      return best;
    }

    /**
     * Fewest candidates meeting the class needs and the data-center need (the fast need is met):
     * {@code sum(class needs) + dc need - M}, where M is the largest number of new data centers
     * that can each be served by a distinct unit of class need (a bipartite matching).
     */
    private int cover() {
      int sum = 0;
      for (int c = 0; c < NC; c++) {
        int n = need(c);
        if (n > classAvail[c]) {
          return INF;
        }
        sum += n;
      }
      int d = needDc();
      if (d == 0) {
        return sum;
      }
      int fresh = 0;
      for (int x = 0; x < nd; x++) {
        if (!used[x] && available(x)) {
          fresh++;
        }
      }
      if (fresh < d) {
        return INF;
      }
      return sum + d - matching(d);
    }

    private boolean available(int x) {
      for (int c = 0; c < NC; c++) {
        if (slow[x][c] + fast[x][c] > 0) {
          return true;
        }
      }
      return false;
    }

    /** Kuhn's augmenting paths: class-need units on one side, unused data centers on the other. */
    private int matching(int limit) {
      int slots = 0;
      for (int c = 0; c < NC; c++) {
        for (int n = need(c); n > 0; n--) {
          slotClass[slots++] = c;
        }
      }
      Arrays.fill(matchOfDc, -1);
      int m = 0;
      for (int s = 0; s < slots && m < limit; s++) {
        Arrays.fill(seen, false);
        if (augment(s)) {
          m++;
        }
      }
      return m;
    }

    private boolean augment(int s) {
      int c = slotClass[s];
      for (int x = 0; x < nd; x++) {
        if (!used[x] && !seen[x] && slow[x][c] + fast[x][c] > 0) {
          seen[x] = true;
          if (matchOfDc[x] < 0 || augment(matchOfDc[x])) {
            matchOfDc[x] = s;
            return true;
          }
        }
      }
      return false;
    }

    /** Why no plan exists: each requirement that fails on its own, or the ones that clash. */
    List<Unmet> diagnose(CopyRequirements req, List<CopyFacts> existing, long size) {
      List<Unmet> out = new ArrayList<>();
      if (k == 0) {
        for (Shortfall sf : req.shortfalls(existing)) {
          out.add(
              new Unmet(
                  sf.requirement(),
                  sf.mediaClass(),
                  sf.describe()
                      + ": the existing copies already fill the policy's "
                      + req.copies()
                      + " copies, so meeting it needs a copy moved"));
        }
        return out;
      }
      if (totalAvail < k) {
        out.add(
            new Unmet(
                Requirement.COPIES,
                null,
                k + " more copies on distinct targets needed, only " + totalAvail + " eligible"));
      }
      for (int c = 0; c < NC; c++) {
        if (need(c) > classAvail[c]) {
          out.add(
              new Unmet(
                  Requirement.MEDIA_CLASS,
                  CLASSES[c],
                  need(c)
                      + " more copies on "
                      + CLASSES[c]
                      + " needed, only "
                      + classAvail[c]
                      + " eligible "
                      + CLASSES[c]
                      + " targets"));
        }
      }
      int d = needDc();
      Set<String> fresh = new TreeSet<>();
      for (int x = 0; x < nd; x++) {
        if (!used[x] && available(x)) {
          fresh.add(dcIds.get(x).value());
        }
      }
      if (d > fresh.size()) {
        out.add(
            new Unmet(
                Requirement.DATA_CENTERS,
                null,
                d
                    + " more data centers needed, eligible targets in only "
                    + fresh.size()
                    + " more "
                    + fresh));
      }
      if (needFast()) {
        boolean any = false;
        for (int x = 0; x < nd && !any; x++) {
          for (int c = 0; c < NC; c++) {
            any |= fast[x][c] > 0;
          }
        }
        if (!any) {
          out.add(
              new Unmet(
                  Requirement.RESTORE_TIME,
                  null,
                  "no eligible target can restore "
                      + size
                      + " bytes within "
                      + req.restoreTimeObjective()
                      + " by its measured latency and read throughput"));
        }
      }
      if (!out.isEmpty()) {
        return out;
      }
      // Each requirement can be met alone, but not all of them with k copies.
      List<String> clash = new ArrayList<>();
      if (relaxed(true, false, false)) {
        clash.add("the data-center spread");
      }
      if (relaxed(false, true, false)) {
        clash.add("the media classes");
      }
      if (relaxed(false, false, true)) {
        clash.add("the restore-time objective");
      }
      String reason =
          "no choice of "
              + k
              + " eligible targets meets every requirement together"
              + (clash.isEmpty() ? "" : "; dropping any one of " + clash + " would allow a plan");
      Requirement r =
          clash.contains("the media classes")
              ? Requirement.MEDIA_CLASS
              : clash.contains("the restore-time objective")
                  ? Requirement.RESTORE_TIME
                  : Requirement.DATA_CENTERS;
      out.add(new Unmet(r, null, reason));
      return out;
    }
  }
}
