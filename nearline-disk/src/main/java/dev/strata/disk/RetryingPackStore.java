package dev.strata.disk;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * Retries the transient faults of another store. A fault is transient when it is an {@link
 * IOException} that is not one of the store's named answers ({@link StoreException}: no such pack,
 * content mismatch, retention lock, unsupported) — those are final and pass through at once. Every
 * operation of the interface is safe to repeat: {@code put} re-opens its content, a repeated {@code
 * delete} of a deleted pack succeeds. A stream returned by {@code get} is not re-opened once
 * reading has begun; the reader's checksum check covers what follows.
 */
public final class RetryingPackStore extends PackStoreWrapper {
  /** Pauses between attempts (a sleep in production; tests record instead of sleeping). */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration d) throws InterruptedException;
  }

  private static final Logger LOG = Logger.getLogger(RetryingPackStore.class.getName());

  private final RetryPolicy policy;
  private final RandomGenerator random;
  private final Pause pause;

  public RetryingPackStore(
      PackStore delegate, RetryPolicy policy, RandomGenerator random, Pause pause) {
    super(delegate);
    this.policy = policy;
    this.random = random;
    this.pause = pause;
  }

  @Override
  protected <T> T around(StoreOperation op, String subject, Call<T> call) throws IOException {
    String what = (op + " " + subject).trim();
    for (int attempt = 1; ; attempt++) {
      try {
        return call.run();
      } catch (StoreException e) {
        throw e;
      } catch (IOException e) {
        if (attempt >= policy.maxAttempts()) {
          throw e;
        }
        long ceiling = policy.ceiling(attempt + 1).toNanos();
        Duration wait = Duration.ofNanos(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
        LOG.log(Level.FINE, () -> what + " failed, retrying in " + wait + ": " + e);
        try {
          pause.pause(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          InterruptedIOException stop =
              new InterruptedIOException("interrupted while retrying " + what);
          stop.addSuppressed(e);
          throw stop;
        }
      }
    }
  }
}
