package dev.strata.pool.rank;

import dev.strata.pool.InvalidValueException;
import dev.strata.pool.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which probes a score looks at: the newest {@code newest} results no older than {@code maxAge}.
 * Recent behaviour counts, not a device's distant past; and a target whose probes stopped falls
 * back to {@link ServiceState#UNKNOWN} instead of living on its old reputation.
 */
public record ProbeWindow(int newest, Duration maxAge) {
  /** The last 20 probes of the last 7 days (at one probe every 15 minutes: the last 5 hours). */
  public static final ProbeWindow DEFAULT = new ProbeWindow(20, Duration.ofDays(7));

  private static final Comparator<ProbeResult> ORDER =
      Comparator.comparing(ProbeResult::probedAt)
          .thenComparingLong(r -> r.id().isPresent() ? r.id().getAsLong() : Long.MAX_VALUE);

  public ProbeWindow {
    if (newest < 1 || newest > 10_000) {
      throw new InvalidValueException("newest", "a window holds 1 to 10000 probes");
    }
    if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
      throw new InvalidValueException("maxAge", "a window's maxAge is positive");
    }
  }

  /** The probes of {@code history} inside the window at {@code now}, oldest first. */
  public List<ProbeResult> select(List<ProbeResult> history, Instant now) {
    Instant since = now.minus(maxAge);
    List<ProbeResult> in = new ArrayList<>();
    for (ProbeResult r : history) {
      if (!r.probedAt().isBefore(since) && !r.probedAt().isAfter(now)) {
        in.add(r);
      }
    }
    in.sort(ORDER);
    return in.size() <= newest ? in : List.copyOf(in.subList(in.size() - newest, in.size()));
  }
}
