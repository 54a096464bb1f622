package dev.strata.disk;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A writer that stalls halfway through an upload until it is killed: run in a child JVM by {@link
 * LocalPackStoreTest} to leave an upload behind the way a killed backup does.
 */
public final class StalledPut {
  static final int BEFORE_STALL = 1 << 20;

  private StalledPut() {}

  public static void main(String[] args) throws Exception {
    PackStore store =
        LocalPackStore.open(Path.of(args[0]), Clock.systemUTC(), new SplittableRandom());
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
