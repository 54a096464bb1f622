package dev.strata.agent.chunk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Content-defined chunking in the style of FastCDC: a gear rolling hash over the bytes, a cut where
 * the hash's masked bits are all zero, "normalized" with a harder mask before the average size and
 * an easier one after it, so chunk sizes cluster around the average; never below the minimum
 * (except at the end of the input), never above the maximum. An insertion in a large file moves
 * only the chunk boundaries near it.
 *
 * <p>The gear table is derived from a repository secret, so chunk boundaries (and thus chunk sizes
 * an observer of the repository sees) do not reveal which well-known files were backed up.
 *
 * <p>Not thread-safe; one chunker per reading thread. {@link #next} returns chunks in a buffer that
 * stays valid until the next call.
 */
public final class Chunker {
  private final long[] gear = new long[256];
  private final int min;
  private final int max;
  private final int average;
  private final long maskHard;
  private final long maskEasy;
  private final byte[] buf;
  private InputStream in;
  private int start;
  private int end;
  private boolean eof;

  /**
   * @param secret bytes the gear table is derived from
   * @param min smallest chunk (but the last)
   * @param average the size chunks cluster around; a power of two
   * @param max largest chunk
   */
  public Chunker(byte[] secret, int min, int average, int max) {
    if (Integer.bitCount(average) != 1 || min > average || average > max || min < 64) {
      throw new IllegalArgumentException("need 64 <= min <= average <= max, average a power of 2");
    }
    this.min = min;
    this.max = max;
    this.average = average;
    int bits = Integer.numberOfTrailingZeros(average);
    // Masked bits sit high in the 64-bit hash, where each depends on a window of 64 bytes.
    this.maskHard = ((1L << (bits + 2)) - 1) << (64 - bits - 2);
    this.maskEasy = ((1L << (bits - 2)) - 1) << (64 - bits + 2);
    this.buf = new byte[2 * max];
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (int i = 0; i < 256; i++) {
        sha.update(secret);
        sha.update((byte) i);
        gear[i] = ByteBuffer.wrap(sha.digest()).getLong();
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts chunking a new input. */
  public void reset(InputStream input) {
    this.in = input;
    this.start = 0;
    this.end = 0;
    this.eof = false;
  }

  /** A chunk: {@code length} bytes of {@code buffer} from {@code offset}. */
  public record Chunk(byte[] buffer, int offset, int length) {
    public byte[] copy() {
      return Arrays.copyOfRange(buffer, offset, offset + length);
    }
  }

  /** The next chunk, or null at the end of the input. */
  public Chunk next() throws IOException {
    if (end - start < max && !eof) {
      fill();
    }
    int available = end - start;
    if (available == 0) {
      return null;
    }
    int n = cut(start, available);
    Chunk c = new Chunk(buf, start, n);
    start += n;
    return c;
  }

  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
    }
    while (end < buf.length) {
      int r = in.read(buf, end, buf.length - end);
      if (r < 0) {
        eof = true;
        return;
      }
      end += r;
    }
  }

  /** Length of the chunk that starts at {@code from}, with {@code available} bytes buffered. */
  int cut(int from, int available) {
    if (available <= min) {
      return available;
    }
    int limit = Math.min(available, max);
    // The harder mask holds until half the minimum before the average: with the minimum skipped,
    // that centres the sizes on the average.
    int normal = Math.min(limit, Math.max(min, average - min / 2));
    long fp = 0;
    byte[] b = buf;
    long[] g = gear;
    // Warm the hash up over the 64 bytes before the minimum, so the first candidate cut already
    // depends on a full window.
    for (int w = min - 64; w < min; w++) {
      fp = (fp << 1) + g[b[from + w] & 0xff];
    }
    int i = min;
    for (; i < normal; i++) {
      fp = (fp << 1) + g[b[from + i] & 0xff];
      if ((fp & maskHard) == 0) {
        return i + 1;
      }
    }
    for (; i < limit; i++) {
      fp = (fp << 1) + g[b[from + i] & 0xff];
      if ((fp & maskEasy) == 0) {
        return i + 1;
      }
    }
    return limit;
  }
}
