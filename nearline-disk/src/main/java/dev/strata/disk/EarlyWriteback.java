package dev.strata.disk;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts writing a file's data to the disk while more of it is still arriving: every {@link #EVERY}
 * bytes it forces the channel on a background thread (one force at a time per file), so that the
 * final fsync finds little left to write. When the content arrives slowly (a network upload), the
 * disk works during the transfer instead of after it. {@link #finish} waits for a force in flight
 * and reports its failure; call it (also on failure paths) before closing the channel. Not
 * thread-safe: one per put.
 */
final class EarlyWriteback {
  static final long EVERY = 8 << 20;

  private static final ExecutorService FLUSHER =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "pack-writeback");
            t.setDaemon(true);
            return t;
          });

  private final FileChannel channel;
  private long unforced;
  private Future<?> inFlight;

  EarlyWriteback(FileChannel channel) {
    this.channel = channel;
  }

  /** {@code n} more bytes were written. */
  void wrote(long n) throws IOException {
    unforced += n;
    if (unforced >= EVERY && (inFlight == null || inFlight.isDone())) {
      check();
      unforced = 0;
      inFlight =
          FLUSHER.submit(
              () -> {
                channel.force(false);
                return null;
              });
    }
  }

  /** Waits for the force in flight; rethrows its failure. */
  void finish() throws IOException {
    check();
  }

  private void check() throws IOException {
    if (inFlight == null) {
      return;
    }
    try {
      inFlight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the disk was writing");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      inFlight = null;
    }
  }
}
