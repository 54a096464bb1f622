package dev.strata.agent.repo;

import dev.strata.disk.PackInfo;
import dev.strata.disk.PackName;
import dev.strata.disk.StoreException;
import dev.strata.format.FormatException;
import dev.strata.format.repo.LockFile;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The repository's exclusive lock, held while a snapshot is committed (its sequence number taken
 * and the ledger extended) and while a repair runs, so that two processes never take the same
 * sequence number or ledger generation.
 *
 * <p>It works on any pack store, with nothing but put, list, get and delete: a process writes its
 * lock object ({@code locks/<random>}), then lists the locks; if it finds another live one it
 * removes its own, waits a random while and tries again. Two processes that write at the same time
 * both see the other and both back off, so at most one holds the lock (the store must show a put to
 * a list that starts after it returned, as local disks and S3 do). A lock is live until its holder
 * removes it; it is stale, and removed by whoever finds it, when it was not refreshed for {@link
 * Locking#staleAfter} or when its holder ran on this host and is gone. Lock objects are signed, so
 * nobody without the keys can block the repository with one that never goes stale.
 */
final class RepositoryLock implements AutoCloseable {
  static final String LOCKS = "locks/";

  private final Repository repo;
  private final Locking locking;
  private final PackName name;
  private final ScheduledExecutorService refresher;
  private volatile LockFile lock;
  private volatile boolean lost;

  private RepositoryLock(Repository repo, Locking locking, PackName name, LockFile lock) {
    this.repo = repo;
    this.locking = locking;
    this.name = name;
    this.lock = lock;
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "strata-lock-refresh");
              t.setDaemon(true);
              return t;
            });
    long every = locking.refreshEvery().toMillis();
    refresher.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the lock, waiting up to {@link Locking#patience} for another holder.
   *
   * @throws RepositoryException when another live process still holds it after the wait
   */
  static RepositoryLock acquire(Repository repo, Locking locking)
      throws IOException, RepositoryException, InterruptedException {
    byte[] random = new byte[8];
    repo.random().nextBytes(random);
    PackName name = PackName.of(LOCKS + HexFormat.of().formatHex(random));
    Instant start = locking.clock().instant();
    Instant deadline = start.plus(locking.patience());
    Duration backoff = Duration.ofMillis(50);
    while (true) {
      Instant now = locking.clock().instant();
      ProcessIdentity self = locking.self();
      LockFile mine =
          new LockFile(
              repo.config().id(),
              LockFile.Kind.EXCLUSIVE,
              self.host(),
              self.pid(),
              self.start(),
              now,
              now);
      repo.putObject(name, mine.encode(repo.requireKeys()));
      List<LockFile> others;
      try {
        others = liveOthers(repo, locking, name);
      } catch (IOException | RuntimeException e) {
        repo.store().delete(name);
        throw e;
      }
      if (others.isEmpty()) {
        return new RepositoryLock(repo, locking, name, mine);
      }
      repo.store().delete(name);
      if (!locking.clock().instant().isBefore(deadline)) {
        LockFile o = others.get(0);
        throw new RepositoryException(
            "the repository is locked by process "
                + o.pid()
                + " on "
                + o.host()
                + " since "
                + o.created()
                + " (last refreshed "
                + o.refreshed()
                + "); waited "
                + locking.patience().toSeconds()
                + " s. A lock whose process is gone goes stale "
                + locking.staleAfter().toMinutes()
                + " minutes after its last refresh, or at once for a process of this host.");
      }
      // A random wait, growing, so that two processes that keep meeting drift apart.
      long ms = backoff.toMillis();
      locking.pause().pause(Duration.ofMillis(ms / 2 + repo.random().nextInt((int) ms)));
      backoff =
          backoff.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0
              ? Duration.ofSeconds(2)
              : backoff.multipliedBy(2);
    }
  }

  /** The locks other than {@code own} that are live; stale ones are removed on the way. */
  private static List<LockFile> liveOthers(Repository repo, Locking locking, PackName own)
      throws IOException {
    List<LockFile> live = new ArrayList<>();
    for (PackInfo p : Repository.listInfo(repo.store(), LOCKS)) {
      if (p.name().equals(own)) {
        continue;
      }
      LockFile other;
      try {
        other =
            LockFile.decode(
                Repository.readObject(repo.store(), p.name()), repo.config().publicKey());
      } catch (StoreException.NoSuchPack e) {
        continue; // released meanwhile
      } catch (FormatException e) {
        // Not a lock this repository's keys signed: it excludes nobody.
        repo.recordDamage(p.name(), "not a valid lock, ignored: " + e.getMessage());
        continue;
      }
      if (!other.repository().equals(repo.config().id())) {
        repo.recordDamage(p.name(), "a lock of another repository, ignored");
        continue;
      }
      if (stale(other, locking)) {
        try {
          repo.store().delete(p.name());
        } catch (IOException e) {
          // another process may have removed it first; stale either way
        }
        continue;
      }
      live.add(other);
    }
    return live;
  }

  /** Whether a lock was left by a process that is gone. */
  static boolean stale(LockFile l, Locking locking) {
    Instant now = locking.clock().instant();
    if (l.refreshed().plus(locking.staleAfter()).isBefore(now)) {
      return true;
    }
    return new ProcessIdentity(l.host(), l.pid(), l.processStart()).goneOn(locking.self().host());
  }

  /** Rewrites the lock with the current time, so that others do not take it as stale. */
  void refresh() throws IOException {
    if (lost || repo.store().stat(name).isEmpty()) {
      // Taken from this process as stale: writing it again would let two processes hold it.
      lost = true;
      return;
    }
    LockFile next = lock.refreshedAt(locking.clock().instant());
    repo.putObject(name, next.encode(repo.requireKeys()));
    lock = next;
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (IOException | RuntimeException e) {
      // The next refresh tries again; checkHeld() tells the holder before it commits.
    }
  }

  /**
   * Fails if the lock was taken from this process (another found it stale and removed it): the
   * holder must then not commit what it prepared.
   */
  void checkHeld() throws IOException, RepositoryException {
    if (lost || repo.store().stat(name).isEmpty()) {
      lost = true;
      throw new RepositoryException(
          "this process lost its lock on the repository (another process found it stale and"
              + " removed it); nothing was committed");
    }
  }

  LockFile lock() {
    return lock;
  }

  PackName name() {
    return name;
  }

  /**
   * Releases the lock. A lock object that cannot be removed (the store failing) does not fail what
   * was done under it: it goes stale (at once for the next process of this host, whose check finds
   * this one gone).
   */
  @Override
  public void close() {
    refresher.shutdownNow();
    boolean interrupted = Thread.interrupted();
    try {
      refresher.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    try {
      repo.store().delete(name);
    } catch (IOException e) {
      // stale later, see above
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
