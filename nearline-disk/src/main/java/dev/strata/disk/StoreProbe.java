package dev.strata.disk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Measures any {@link PackStore} for the media service pool: can its capacity be read, and how long
 * do a durable put and a read-back of a probe pack take. The probe pack is random (so neither
 * compression nor deduplication in the device flatters the figures), stored under a fresh name in
 * {@code .strata-probe/}, verified by SHA-256 and deleted again. A store that fails is reported,
 * never thrown.
 */
public final class StoreProbe {
  private final RandomGenerator random;
  private final int probeBytes;

  /**
   * @param random source of the probe pack's contents and name
   * @param probeBytes size of the probe pack (1 byte to 64 MiB)
   */
  public StoreProbe(RandomGenerator random, int probeBytes) {
    if (probeBytes < 1 || probeBytes > 64 << 20) {
      throw new IllegalArgumentException("probeBytes must be within 1..64 MiB");
    }
    this.random = random;
    this.probeBytes = probeBytes;
  }

  public ProbeReport probe(PackStore store) {
    Capacity capacity;
    try {
      capacity = store.capacity();
    } catch (IOException | RuntimeException e) {
      return ProbeReport.unreachable("cannot read the capacity: " + e.getMessage());
    }
    byte[] payload = new byte[probeBytes];
    random.nextBytes(payload);
    byte[] id = new byte[8];
    random.nextBytes(id);
    PackName name = PackName.of(".strata-probe/" + HexFormat.of().formatHex(id));
    Sha256 expected = Sha256.digest(payload);
    long t0 = System.nanoTime();
    try {
      store.put(name, () -> new ByteArrayInputStream(payload), payload.length, expected);
      long t1 = System.nanoTime();
      MessageDigest digest = Sha256.newDigest();
      long length = 0;
      try (InputStream in = store.get(name)) {
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
          digest.update(buf, 0, n);
          length += n;
        }
      }
      long t2 = System.nanoTime();
      boolean verified = length == probeBytes && Sha256.of(digest.digest()).equals(expected);
      return new ProbeReport(
          true,
          capacity.totalBytes(),
          capacity.freeBytes(),
          probeBytes,
          Duration.ofNanos(t1 - t0),
          Duration.ofNanos(t2 - t1),
          verified,
          verified ? "" : "the probe pack read back differs from what was written");
    } catch (IOException | RuntimeException e) {
      return new ProbeReport(
          true,
          capacity.totalBytes(),
          capacity.freeBytes(),
          probeBytes,
          null,
          null,
          false,
          "probe failed: " + e.getMessage());
    } finally {
      try {
        store.delete(name);
      } catch (IOException | RuntimeException ignored) {
        // A left-over probe pack is harmless and is named as such.
      }
    }
  }
}
