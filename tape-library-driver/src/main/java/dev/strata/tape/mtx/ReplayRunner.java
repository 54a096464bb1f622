package dev.strata.tape.mtx;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Replays a transcript strictly: each command must be exactly the next one recorded, or the replay
 * fails naming both — a driver that issues other commands than the recording is caught.
 */
public final class ReplayRunner implements CommandRunner {
  private final Deque<Transcript.Entry> remaining;

  public ReplayRunner(List<Transcript.Entry> entries) {
    this.remaining = new ArrayDeque<>(entries);
  }

  @Override
  public synchronized Result run(List<String> command) throws IOException {
    Transcript.Entry next = remaining.poll();
    if (next == null) {
      throw new IllegalStateException("replay: unexpected command after the end: " + command);
    }
    if (!next.command().equals(command)) {
      throw new IllegalStateException(
          "replay: expected " + next.command() + " but the driver ran " + command);
    }
    return next.result();
  }

  /** Whether every recorded command was replayed. */
  public synchronized boolean finished() {
    return remaining.isEmpty();
  }
}
