package dev.strata.agent.repo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Which process on which host: enough to tell later, on the same host, whether that process still
 * runs. The start time tells a live process from a new one that reuses a dead one's pid.
 *
 * @param host the host name as the agent reports it
 * @param pid the process id
 * @param start when the process started, in milliseconds since the epoch; 0 when unknown
 */
public record ProcessIdentity(String host, long pid, long start) {

  /** This process. */
  public static ProcessIdentity current(String host) {
    ProcessHandle self = ProcessHandle.current();
    return new ProcessIdentity(host, self.pid(), startOf(self));
  }

  private static long startOf(ProcessHandle p) {
    return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }

  /** A short, file-name-safe tag of the host name. */
  String hostTag() {
    return dev.strata.disk.Sha256.digest(host.getBytes(StandardCharsets.UTF_8))
        .toString()
        .substring(0, 8);
  }

  /**
   * Whether the process is known to be gone: it ran on this host and no process with its pid runs,
   * or the one that does started at another time. A process of another host is never known gone.
   */
  boolean goneOn(String thisHost) {
    if (!host.equals(thisHost)) {
      return false;
    }
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) {
      return true;
    }
    long now = startOf(p.get());
    return start != 0 && now != 0 && now != start;
  }
}
