package dev.strata.node.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {
  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new SplittableRandom(n).nextBytes(b);
    return b;
  }

  @Test
  void deliversEveryByteInOrder() throws Exception {
    byte[] data = bytes(10_000_003);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SplittableRandom r = new SplittableRandom(1);
    try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data), 3, 1 << 16)) {
      byte[] buf = new byte[100_000];
      for (int n; (n = in.read(buf, 0, 1 + r.nextInt(buf.length))) > 0; ) {
        out.write(buf, 0, n);
      }
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(out.toByteArray()).isEqualTo(data);
  }

  @Test
  void aFailureOfTheSourceArrivesAfterTheBytesBeforeIt() throws Exception {
    byte[] data = bytes(1 << 20);
    InputStream failing =
        new FilterInputStream(new ByteArrayInputStream(data)) {
          long pos;

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= 300_000) {
              throw new IOException("signature does not verify");
            }
            int n = super.read(b, off, (int) Math.min(len, 300_000 - pos));
            pos += n;
            return n;
          }
        };
    try (InputStream in = new ReadAheadInputStream(failing, 2, 1 << 16)) {
      byte[] got = new byte[300_000];
      assertThat(in.readNBytes(got, 0, got.length)).isEqualTo(300_000);
      assertThat(got).isEqualTo(java.util.Arrays.copyOf(data, 300_000));
      assertThatThrownBy(in::read).hasMessageContaining("signature");
    }
  }

  @Test
  void closingStopsReadingTheSource() throws Exception {
    AtomicLong reads = new AtomicLong();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 0;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            reads.incrementAndGet();
            return len;
          }
        };
    ReadAheadInputStream in = new ReadAheadInputStream(endless, 2, 1024);
    in.read(new byte[10]);
    in.close();
    long after = reads.get();
    for (int i = 0; i < 20 && reads.get() == after; i++) {
      Thread.onSpinWait();
    }
    assertThat(reads.get()).as("no read after close returned").isEqualTo(after);
  }
}
