package dev.strata.pool.rank;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.ProbeOutcome;
import dev.strata.pool.ProbeResult;
import java.util.List;

/**
 * Derives a target's {@link ServiceState} from its ordered probe history so that one bad (or one
 * good) probe does not flap it. Each probe has a level: OK = healthy, DEGRADED = degraded,
 * UNREACHABLE or FAILED = failing; NO_DRIVER says nothing and is skipped. The first level seen sets
 * the state. After that the state gets worse only when the last {@code downAfter} levels are all
 * worse than it (it then takes the best of them, the level they all reached), and better only when
 * the last {@code upAfter} levels are all better than it (it then takes the worst of them). The
 * same history always gives the same state.
 *
 * @param downAfter consecutive worse probes needed to go down (k)
 * @param upAfter consecutive better probes needed to come back (m)
 */
public record Hysteresis(int downAfter, int upAfter) {
  /** Two bad probes in a row take a target down; three good ones bring it back. */
  public static final Hysteresis DEFAULT = new Hysteresis(2, 3);

  public Hysteresis {
    if (downAfter < 1 || downAfter > 100) {
      throw new InvalidValueException("downAfter", "downAfter is 1 to 100");
    }
    if (upAfter < 1 || upAfter > 100) {
      throw new InvalidValueException("upAfter", "upAfter is 1 to 100");
    }
  }

  /** The state after {@code history}, which is ordered oldest first. */
  public ServiceState derive(List<ProbeResult> history) {
    int[] levels = new int[history.size()];
    int n = 0;
    for (ProbeResult r : history) {
      int level = level(r.outcome());
      if (level >= 0) {
        levels[n++] = level;
      }
    }
    if (n == 0) {
      return ServiceState.UNKNOWN;
    }
    int state = levels[0];
    for (int i = 1; i < n; i++) {
      if (i + 1 >= downAfter && allWorse(levels, i, downAfter, state)) {
        state = best(levels, i, downAfter);
      } else if (i + 1 >= upAfter && allBetter(levels, i, upAfter, state)) {
        state = worst(levels, i, upAfter);
      }
    }
    return STATES[state];
  }

  private static final ServiceState[] STATES = {
    ServiceState.HEALTHY, ServiceState.DEGRADED, ServiceState.FAILING
  };

  /** 0 healthy, 1 degraded, 2 failing, -1 no evidence. */
  static int level(ProbeOutcome outcome) {
    return switch (outcome) {
      case OK -> 0;
      case DEGRADED -> 1;
      case UNREACHABLE, FAILED -> 2;
      case NO_DRIVER -> -1;
    };
  }

  private static boolean allWorse(int[] levels, int end, int count, int state) {
    for (int j = end - count + 1; j <= end; j++) {
      if (levels[j] <= state) {
        return false;
      }
    }
    return true;
  }

  private static boolean allBetter(int[] levels, int end, int count, int state) {
    for (int j = end - count + 1; j <= end; j++) {
      if (levels[j] >= state) {
        return false;
      }
    }
    return true;
  }

  private static int best(int[] levels, int end, int count) {
    int b = Integer.MAX_VALUE;
    for (int j = end - count + 1; j <= end; j++) {
      b = Math.min(b, levels[j]);
    }
    return b;
  }

  private static int worst(int[] levels, int end, int count) {
    int w = Integer.MIN_VALUE;
    for (int j = end - count + 1; j <= end; j++) {
      w = Math.max(w, levels[j]);
    }
    return w;
  }
}
