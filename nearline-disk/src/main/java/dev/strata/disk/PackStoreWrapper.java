package dev.strata.disk;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.io.function.IOSupplier;

/**
 * Base of the wrappers that add one cross-cutting behaviour (retry, metrics, logging, faults) to
 * another store: every operation passes through {@link #around}, so a wrapper states its behaviour
 * once instead of in each method. Wrappers are stacked by {@link PackStores}, never inside a
 * backend.
 */
public abstract class PackStoreWrapper implements PackStore {
  /** One call of the wrapped store. */
  @FunctionalInterface
  protected interface Call<T> {
    T run() throws IOException;
  }

  protected final PackStore delegate;

  protected PackStoreWrapper(PackStore delegate) {
    this.delegate = delegate;
  }

  /**
   * Runs {@code call} (one operation on the wrapped store) with this wrapper's behaviour.
   *
   * @param subject what the operation is about, for messages: a pack name, a prefix, or empty
   */
  protected abstract <T> T around(StoreOperation op, String subject, Call<T> call)
      throws IOException;

  /** The content a put hands to the wrapped store; by default the caller's. */
  protected IOSupplier<InputStream> content(PackName name, IOSupplier<InputStream> content) {
    return content;
  }

  /** The stream a get returns to the caller; by default the wrapped store's. */
  protected InputStream read(PackName name, InputStream in) {
    return in;
  }

  @Override
  public Set<Capability> capabilities() {
    return delegate.capabilities();
  }

  @Override
  public PackInfo put(PackName name, IOSupplier<InputStream> content, long length, Sha256 sha256)
      throws IOException {
    return around(
        StoreOperation.PUT,
        name.value(),
        () -> delegate.put(name, content(name, content), length, sha256));
  }

  @Override
  public InputStream get(PackName name) throws IOException {
    return around(StoreOperation.GET, name.value(), () -> read(name, delegate.get(name)));
  }

  @Override
  public InputStream get(PackName name, long offset, long length) throws IOException {
    return around(
        StoreOperation.GET, name.value(), () -> read(name, delegate.get(name, offset, length)));
  }

  @Override
  public Optional<PackInfo> stat(PackName name) throws IOException {
    return around(StoreOperation.STAT, name.value(), () -> delegate.stat(name));
  }

  @Override
  public PackPage list(String prefix, Optional<PackName> after, int limit) throws IOException {
    return around(StoreOperation.LIST, prefix, () -> delegate.list(prefix, after, limit));
  }

  @Override
  public void delete(PackName name) throws IOException {
    around(
        StoreOperation.DELETE,
        name.value(),
        () -> {
          delegate.delete(name);
          return null;
        });
  }

  @Override
  public void retain(PackName name, Instant until) throws IOException {
    around(
        StoreOperation.RETAIN,
        name.value(),
        () -> {
          delegate.retain(name, until);
          return null;
        });
  }

  @Override
  public Capacity capacity() throws IOException {
    return around(StoreOperation.CAPACITY, "", delegate::capacity);
  }
}
