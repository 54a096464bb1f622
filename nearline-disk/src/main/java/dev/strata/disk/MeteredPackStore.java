package dev.strata.disk;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.io.input.ProxyInputStream;

/**
 * Counts every operation of another store into {@link StoreMetrics}: calls, failures (a named
 * answer such as "no such pack" is a call, not a failure), time, and bytes — bytes a put stored,
 * and bytes callers actually read from returned streams.
 */
public final class MeteredPackStore extends PackStoreWrapper {
  private final StoreMetrics metrics;

  public MeteredPackStore(PackStore delegate, StoreMetrics metrics) {
    super(delegate);
    this.metrics = metrics;
  }

  @Override
  protected <T> T around(StoreOperation op, String subject, Call<T> call) throws IOException {
    long start = System.nanoTime();
    boolean failed = true;
    try {
      T result = call.run();
      failed = false;
      if (result instanceof PackInfo info && op == StoreOperation.PUT) {
        metrics.addBytes(op, info.length());
      }
      return result;
    } catch (StoreException e) {
      failed = false;
      throw e;
    } finally {
      metrics.record(op, System.nanoTime() - start, failed);
    }
  }

  @Override
  protected InputStream read(PackName name, InputStream in) {
    return new ProxyInputStream(in) {
      @Override
      protected void afterRead(int n) {
        if (n > 0) {
          metrics.addBytes(StoreOperation.GET, n);
        }
      }
    };
  }
}
