package dev.strata.agent.repo;

import java.util.concurrent.Semaphore;

/**
 * Bytes of blob buffers that may be held at once, shared by the threads that restore files, so that
 * memory stays bounded whatever their number. A request larger than the whole budget takes the
 * whole budget (one such blob at a time); requests are served in order, so a large one is not
 * starved by small ones.
 */
final class MemoryBudget {
  private static final int UNIT = 1024;

  private final Semaphore permits;
  private final int total;

  MemoryBudget(long bytes) {
    this.total = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / UNIT));
    this.permits = new Semaphore(total, true);
  }

  /** The default budget: half the heap, at most 512 MiB (beyond that more buffers do not help). */
  static long defaultBytes() {
    return Math.min(512L << 20, Runtime.getRuntime().maxMemory() / 2);
  }

  /** Waits until {@code bytes} may be held; returns what to hand to {@link #release}. */
  int acquire(long bytes) throws InterruptedException {
    int n = (int) Math.min(total, Math.max(1, (bytes + UNIT - 1) / UNIT));
    permits.acquire(n);
    return n;
  }

  void release(int acquired) {
    permits.release(acquired);
  }
}
