package dev.strata.agent.repo;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;

/**
 * How this process takes the repository lock: who it is, its clock, how long it waits for another
 * holder, how often it refreshes a lock it holds and when another's lock counts as stale.
 *
 * @param patience how long to wait for a lock another live process holds before giving up
 * @param refreshEvery how often a held lock is rewritten with the current time
 * @param staleAfter a lock not refreshed for this long was left by a process that is gone
 * @param pause waits between attempts (a sleep in production)
 */
public record Locking(
    ProcessIdentity self,
    Clock clock,
    Duration patience,
    Duration refreshEvery,
    Duration staleAfter,
    Pause pause) {

  /** Waits between two attempts to take the lock. */
  public interface Pause {
    void pause(Duration d) throws InterruptedException;
  }

  public Locking {
    if (refreshEvery.compareTo(staleAfter) >= 0) {
      throw new IllegalArgumentException("a lock must be refreshed before it would go stale");
    }
  }

  /**
   * Waits up to ten minutes for another holder (commits hold the lock for seconds); refreshes every
   * five minutes; another's lock is stale after thirty without a refresh, as restic's are.
   */
  public static Locking defaults(String host, Clock clock) {
    return new Locking(
        ProcessIdentity.current(host),
        clock,
        Duration.ofMinutes(10),
        Duration.ofMinutes(5),
        Duration.ofMinutes(30),
        d -> Thread.sleep(d.toMillis()));
  }

  /** The defaults for this machine's host name. */
  static Locking defaults() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "localhost";
    }
    return defaults(host, Clock.systemUTC());
  }

  public Locking withPatience(Duration d) {
    return new Locking(self, clock, d, refreshEvery, staleAfter, pause);
  }
}
