package dev.strata.node.tape;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decides when a pool's staged packs are worth a mount: once enough bytes are staged to keep a
 * drive streaming for a while ({@code batchBytes}), or once the oldest has waited {@code deadline}
 * (so a trickle still reaches tape), or when asked to flush. Until then the drive stays free and
 * the tape does not shoe-shine through a few small writes.
 */
public final class StreamingGovernor {
  private final long batchBytes;
  private final Duration deadline;

  public StreamingGovernor(long batchBytes, Duration deadline) {
    if (batchBytes < 1 || deadline.isNegative()) {
      throw new IllegalArgumentException("batch size >= 1 byte and a deadline >= 0");
    }
    this.batchBytes = batchBytes;
    this.deadline = deadline;
  }

  /** Whether the staged packs of one pool (oldest first) should be written now. */
  public boolean due(List<StagedPack> staged, Instant now, boolean flushRequested) {
    if (staged.isEmpty()) {
      return false;
    }
    if (flushRequested) {
      return true;
    }
    long bytes = staged.stream().mapToLong(StagedPack::length).sum();
    return bytes >= batchBytes || !staged.get(0).stagedAt().plus(deadline).isAfter(now);
  }

  public long batchBytes() {
    return batchBytes;
  }

  public Duration deadline() {
    return deadline;
  }
}
