package dev.strata.node.packs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Reads its source on another thread, a few buffers ahead of the reader, so that receiving an
 * upload from the network (and checking it, when the source is a {@link VerifyingInputStream})
 * overlaps with hashing and writing it to disk on the reader's thread. A failure of the source
 * reaches the reader at the position where it happened, never earlier: the bytes before it are
 * delivered first. Memory: {@code buffers} x {@code bufferSize} per stream.
 *
 * <p>{@link #close()} stops the read-ahead and waits for it, so that the source has one reader at a
 * time. One reader thread only.
 */
final class ReadAheadInputStream extends InputStream {
  private static final ExecutorService READERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "upload-read-ahead");
            t.setDaemon(true);
            return t;
          });

  /** A filled buffer, the end of the source, or the source's failure. */
  private record Chunk(byte[] data, int length, IOException failure) {
    static final Chunk END = new Chunk(null, -1, null);
  }

  private final BlockingQueue<Chunk> filled;
  private final BlockingQueue<byte[]> free;
  private final Future<?> task;
  private Chunk current;
  private int pos;
  private boolean ended;
  private volatile boolean stopped;

  ReadAheadInputStream(InputStream source, int buffers, int bufferSize) {
    this.filled = new ArrayBlockingQueue<>(buffers + 1);
    this.free = new ArrayBlockingQueue<>(buffers);
    for (int i = 0; i < buffers; i++) {
      free.add(new byte[bufferSize]);
    }
    this.task = READERS.submit(() -> pump(source));
  }

  private void pump(InputStream source) {
    try {
      while (!stopped) {
        byte[] buf = free.poll(100, TimeUnit.MILLISECONDS);
        if (buf == null) {
          continue; // the reader is slow, or gone: look at stopped again
        }
        int n = 0;
        IOException failure = null;
        boolean end = false;
        try {
          while (n < buf.length) {
            int r = source.read(buf, n, buf.length - n);
            if (r < 0) {
              end = true;
              break;
            }
            n += r;
          }
        } catch (IOException e) {
          failure = e; // the bytes read before it go first
        }
        if (n > 0 && !hand(new Chunk(buf, n, null))) {
          return;
        }
        if (failure != null) {
          hand(new Chunk(null, -1, failure));
          return;
        }
        if (end) {
          hand(Chunk.END);
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Queues a chunk for the reader unless it stopped; false when it did. */
  private boolean hand(Chunk c) throws InterruptedException {
    while (!stopped) {
      if (filled.offer(c, 100, TimeUnit.MILLISECONDS)) {
        return true;
      }
    }
    return false;
  }

  private boolean next() throws IOException {
    if (ended) {
      return false;
    }
    if (current != null && pos < current.length()) {
      return true;
    }
    if (current != null && current.data() != null) {
      free.offer(current.data());
    }
    try {
      current = filled.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while receiving");
    }
    pos = 0;
    if (current.failure() != null) {
      ended = true;
      throw current.failure();
    }
    if (current == Chunk.END) {
      ended = true;
      return false;
    }
    return true;
  }

  @Override
  public int read() throws IOException {
    if (!next()) {
      return -1;
    }
    return current.data()[pos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!next()) {
      return -1;
    }
    int n = Math.min(len, current.length() - pos);
    System.arraycopy(current.data(), pos, b, off, n);
    pos += n;
    return n;
  }

  /**
   * Stops the read-ahead and waits until it no longer reads the source (at most until its current
   * read returns), so that whoever reads the source next is its only reader. It is not interrupted:
   * interrupting a read of a socket channel would close the connection.
   */
  @Override
  public void close() throws IOException {
    stopped = true;
    ended = true;
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while stopping the read-ahead");
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException(e.getCause());
    }
  }
}
