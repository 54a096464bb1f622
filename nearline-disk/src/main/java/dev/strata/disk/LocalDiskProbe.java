package dev.strata.disk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Measures a local-filesystem target: is the directory there and writable, how large is the
 * filesystem, and how long does a durable write and a read-back of a probe file take. The probe
 * file is random (so neither compression nor deduplication in the filesystem flatters the figures),
 * written with {@link DurableFiles}, verified by SHA-256 and removed again.
 *
 * <p>Thread-safe as long as two probes do not run on the same directory at the same time (each
 * probe uses a fixed file name).
 */
public final class LocalDiskProbe {
  static final String PROBE_FILE = ".strata-probe";

  private final RandomGenerator random;
  private final int probeBytes;

  /**
   * @param random source of the probe file's contents
   * @param probeBytes size of the probe file (1 byte to 64 MiB)
   */
  public LocalDiskProbe(RandomGenerator random, int probeBytes) {
    if (probeBytes < 1 || probeBytes > 64 << 20) {
      throw new IllegalArgumentException("probeBytes must be within 1..64 MiB");
    }
    this.random = random;
    this.probeBytes = probeBytes;
  }

  /** Probes {@code directory}; never throws for a faulty target, reports it instead. */
  public DiskProbeReport probe(Path directory) {
    if (!Files.isDirectory(directory)) {
      return DiskProbeReport.unreachable("no directory at " + directory);
    }
    if (!Files.isWritable(directory)) {
      return DiskProbeReport.unreachable("directory " + directory + " is not writable");
    }
    long total;
    long usable;
    try {
      FileStore store = Files.getFileStore(directory);
      total = store.getTotalSpace();
      usable = store.getUsableSpace();
    } catch (IOException e) {
      return DiskProbeReport.unreachable("cannot read filesystem capacity: " + e.getMessage());
    }

    byte[] payload = new byte[probeBytes];
    random.nextBytes(payload);
    byte[] expected = sha256().digest(payload);
    Path file = directory.resolve(PROBE_FILE);
    Duration write;
    Duration read;
    byte[] actual;
    try {
      long t0 = System.nanoTime();
      DurableFiles.write(file, ByteBuffer.wrap(payload));
      long t1 = System.nanoTime();
      MessageDigest digest = sha256();
      long length = 0;
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
          digest.update(buf, 0, n);
          length += n;
        }
      }
      long t2 = System.nanoTime();
      write = Duration.ofNanos(t1 - t0);
      read = Duration.ofNanos(t2 - t1);
      actual = length == probeBytes ? digest.digest() : null;
    } catch (IOException e) {
      return new DiskProbeReport(
          true, total, usable, probeBytes, null, null, false, "probe write failed: " + e);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // A left-over probe file is overwritten by the next probe.
      }
    }
    boolean verified = actual != null && Arrays.equals(expected, actual);
    return new DiskProbeReport(
        true,
        total,
        usable,
        probeBytes,
        write,
        read,
        verified,
        verified ? "" : "probe file read back differs from what was written");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
