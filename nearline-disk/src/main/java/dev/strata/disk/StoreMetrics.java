package dev.strata.disk;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one store's traffic, per operation: calls, failures, bytes moved and time spent. Safe
 * for concurrent updates; {@link #snapshot()} reads a consistent-enough view for reporting (each
 * counter is exact, counters are not read atomically together).
 */
public final class StoreMetrics {
  /** What one operation has done so far. */
  public record Stats(long calls, long failures, long bytes, Duration time) {}

  private static final class Counters {
    final LongAdder calls = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder nanos = new LongAdder();
  }

  private final Map<StoreOperation, Counters> counters = new EnumMap<>(StoreOperation.class);

  public StoreMetrics() {
    for (StoreOperation op : StoreOperation.values()) {
      counters.put(op, new Counters());
    }
  }

  void record(StoreOperation op, long nanos, boolean failed) {
    Counters c = counters.get(op);
    c.calls.increment();
    c.nanos.add(nanos);
    if (failed) {
      c.failures.increment();
    }
  }

  void addBytes(StoreOperation op, long n) {
    counters.get(op).bytes.add(n);
  }

  public Stats stats(StoreOperation op) {
    Counters c = counters.get(op);
    return new Stats(
        c.calls.sum(), c.failures.sum(), c.bytes.sum(), Duration.ofNanos(c.nanos.sum()));
  }

  public Map<StoreOperation, Stats> snapshot() {
    Map<StoreOperation, Stats> m = new EnumMap<>(StoreOperation.class);
    for (StoreOperation op : StoreOperation.values()) {
      m.put(op, stats(op));
    }
    return m;
  }
}
