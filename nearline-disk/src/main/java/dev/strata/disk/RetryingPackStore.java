package dev.strata.disk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import org.apache.commons.io.function.IOSupplier;

/**
 * Retries the transient faults of another store. A fault is transient when it is an {@link
 * IOException} that is not one of the store's named answers ({@link StoreException}: no such pack,
 * content mismatch, retention lock, unsupported) — those are final and pass through at once. Every
 * operation of the interface is safe to repeat: {@code put} re-opens its content, a repeated {@code
 * delete} of a deleted pack succeeds. A stream returned by {@code get} is not re-opened once
 * reading has begun; the reader's checksum check covers what follows.
 */
public final class RetryingPackStore implements PackStore {
  /** Pauses between attempts (a sleep in production; tests record instead of sleeping). */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration d) throws InterruptedException;
  }

  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException;
  }

  private static final Logger LOG = Logger.getLogger(RetryingPackStore.class.getName());

  private final PackStore delegate;
  private final RetryPolicy policy;
  private final RandomGenerator random;
  private final Pause pause;

  public RetryingPackStore(
      PackStore delegate, RetryPolicy policy, RandomGenerator random, Pause pause) {
    this.delegate = delegate;
    this.policy = policy;
    this.random = random;
    this.pause = pause;
  }

  private <T> T retry(String what, Call<T> call) throws IOException {
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

  @Override
  public Set<Capability> capabilities() {
    return delegate.capabilities();
  }

  @Override
  public PackInfo put(PackName name, IOSupplier<InputStream> content, long length, Sha256 sha256)
      throws IOException {
    return retry("put " + name, () -> delegate.put(name, content, length, sha256));
  }

  @Override
  public InputStream get(PackName name) throws IOException {
    return retry("get " + name, () -> delegate.get(name));
  }

  @Override
  public InputStream get(PackName name, long offset, long length) throws IOException {
    return retry("get " + name, () -> delegate.get(name, offset, length));
  }

  @Override
  public Optional<PackInfo> stat(PackName name) throws IOException {
    return retry("stat " + name, () -> delegate.stat(name));
  }

  @Override
  public PackPage list(String prefix, Optional<PackName> after, int limit) throws IOException {
    return retry("list " + prefix, () -> delegate.list(prefix, after, limit));
  }

  @Override
  public void delete(PackName name) throws IOException {
    retry(
        "delete " + name,
        () -> {
          delegate.delete(name);
          return null;
        });
  }

  @Override
  public void retain(PackName name, Instant until) throws IOException {
    retry(
        "retain " + name,
        () -> {
          delegate.retain(name, until);
          return null;
        });
  }

  @Override
  public Capacity capacity() throws IOException {
    return retry("capacity", delegate::capacity);
  }
}
