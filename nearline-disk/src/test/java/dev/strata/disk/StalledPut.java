package dev.strata.disk;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Another process using a store, run in a child JVM by {@link LocalPackStoreTest}: {@code DIR}
 * stalls halfway through an upload until it is killed, leaving it behind the way a killed backup
 * does; {@code DIR open} only opens the store (and so cleans up) and exits.
 */
public final class StalledPut {
  static final int BEFORE_STALL = 1 << 20;

  private StalledPut() {}

  public static void main(String[] args) throws Exception {
    PackStore store =
        LocalPackStore.open(Path.of(args[0]), Clock.systemUTC(), new SplittableRandom());
    if (args.length > 1 && args[1].equals("open")) {
      return;
    }
    byte[] data = new byte[2 * BEFORE_STALL];
    store.put(
        PackName.of("stalled"),
        () ->
            new InputStream() {
              int pos;

              @Override
              public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
              }

              @Override
              public int read(byte[] b, int off, int len) {
                while (pos >= BEFORE_STALL) {
                  LockSupport.park(); // until the test kills this process
                }
                int n = Math.min(len, BEFORE_STALL - pos);
                System.arraycopy(data, pos, b, off, n);
                pos += n;
                return n;
              }
            },
        data.length,
        Sha256.digest(data));
  }
}
