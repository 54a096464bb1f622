package dev.strata.disk;

import java.time.Duration;

/**
 * What {@link LocalDiskProbe} found.
 *
 * @param reachable the directory exists and is a writable directory
 * @param totalBytes size of the filesystem holding it, -1 when unknown
 * @param usableBytes bytes this process may still write there, -1 when unknown
 * @param probeBytes size of the probe file written, 0 when none was written
 * @param write time to write and fsync the probe file
 * @param read time to read it back
 * @param verified the SHA-256 of what was read equals that of what was written
 * @param detail why the probe failed, or empty
 */
public record DiskProbeReport(
    boolean reachable,
    long totalBytes,
    long usableBytes,
    long probeBytes,
    Duration write,
    Duration read,
    boolean verified,
    String detail) {

  static DiskProbeReport unreachable(String why) {
    return new DiskProbeReport(false, -1, -1, 0, null, null, false, why);
  }
}
