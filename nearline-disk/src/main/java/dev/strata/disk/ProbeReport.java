package dev.strata.disk;

import java.time.Duration;

/**
 * What {@link StoreProbe} found.
 *
 * @param reachable the store answered (its capacity could be read)
 * @param totalBytes size of the store, -1 when unknown
 * @param usableBytes bytes that may still be written, -1 when unknown
 * @param probeBytes size of the probe pack, 0 when none was written
 * @param write time to store the probe pack durably
 * @param read time to read it back
 * @param verified the SHA-256 of what was read equals that of what was written
 * @param detail why the probe failed, or empty
 */
public record ProbeReport(
    boolean reachable,
    long totalBytes,
    long usableBytes,
    long probeBytes,
    Duration write,
    Duration read,
    boolean verified,
    String detail) {

  public static ProbeReport unreachable(String why) {
    return new ProbeReport(false, -1, -1, 0, null, null, false, why);
  }
}
