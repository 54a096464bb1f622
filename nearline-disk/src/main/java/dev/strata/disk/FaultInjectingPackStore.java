package dev.strata.disk;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.io.function.IOSupplier;

/**
 * Wraps a store and injects the faults real devices show, on command: an operation that fails (the
 * next {@code n} times), an upload cut off after some bytes, reads that return garbled data. For
 * fault tests and drills; it never changes what the wrapped store holds by itself.
 */
public final class FaultInjectingPackStore extends PackStoreWrapper {
  private final Map<StoreOperation, Integer> failures = new EnumMap<>(StoreOperation.class);
  private final Map<StoreOperation, Integer> passesLeft = new EnumMap<>(StoreOperation.class);
  private volatile long cutPutsAfter = -1;
  private volatile boolean garbleReads;

  public FaultInjectingPackStore(PackStore delegate) {
    super(delegate);
  }

  /**
   * The next {@code times} calls of {@code op} fail with an I/O error before reaching the store.
   */
  public synchronized FaultInjectingPackStore failNext(StoreOperation op, int times) {
    failures.merge(op, times, Integer::sum);
    return this;
  }

  /**
   * Lets the next {@code passes} calls of {@code op} through and fails every one after them, as a
   * device that fills up or dies does, until {@link #clearFailures()}.
   */
  public synchronized FaultInjectingPackStore failAfter(StoreOperation op, int passes) {
    passesLeft.put(op, passes);
    return this;
  }

  /** Ends every injected failure. */
  public synchronized FaultInjectingPackStore clearFailures() {
    failures.clear();
    passesLeft.clear();
    return this;
  }

  /** Every put's content breaks off with an I/O error after {@code bytes}; -1 turns it off. */
  public FaultInjectingPackStore cutPutsAfter(long bytes) {
    this.cutPutsAfter = bytes;
    return this;
  }

  /** Whether reads return data with its first byte flipped. */
  public FaultInjectingPackStore garbleReads(boolean on) {
    this.garbleReads = on;
    return this;
  }

  private synchronized void maybeFail(StoreOperation op) throws IOException {
    Integer left = failures.get(op);
    if (left != null && left > 0) {
      failures.put(op, left - 1);
      throw new IOException("injected fault in " + op);
    }
    Integer passes = passesLeft.get(op);
    if (passes != null) {
      if (passes == 0) {
        throw new IOException("injected fault in " + op + " (the device refuses all writes)");
      }
      passesLeft.put(op, passes - 1);
    }
  }

  @Override
  protected <T> T around(StoreOperation op, String subject, Call<T> call) throws IOException {
    maybeFail(op);
    return call.run();
  }

  @Override
  protected IOSupplier<InputStream> content(PackName name, IOSupplier<InputStream> content) {
    long cut = cutPutsAfter;
    return cut < 0 ? content : () -> new Cut(content.get(), cut);
  }

  @Override
  protected InputStream read(PackName name, InputStream in) {
    return garbleReads ? new Garbled(in) : in;
  }

  /** A filter that sees every byte through {@link #read(byte[], int, int)}. */
  private abstract static class BlockFilter extends FilterInputStream {
    BlockFilter(InputStream in) {
      super(in);
    }

    @Override
    public final int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }
  }

  /** A stream that fails once {@code limit} bytes have been read. */
  private static final class Cut extends BlockFilter {
    private long left;

    Cut(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        throw new IOException("injected fault: upload cut off");
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  /** A stream whose first byte is flipped. */
  private static final class Garbled extends BlockFilter {
    private boolean first = true;

    Garbled(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0 && first) {
        b[off] ^= 0x01;
        first = false;
      }
      return n;
    }
  }
}
