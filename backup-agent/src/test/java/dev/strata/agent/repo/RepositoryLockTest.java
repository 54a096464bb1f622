package dev.strata.agent.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.agent.Trees;
import dev.strata.disk.PackName;
import dev.strata.disk.PackStore;
import dev.strata.disk.PackStoreWrapper;
import dev.strata.disk.PackStores;
import dev.strata.disk.StoreOperation;
import dev.strata.format.repo.LockFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups that commit at the same moment take distinct sequence numbers; the lock that makes it so
 * goes stale when its holder is gone and is refreshed while held.
 */
class RepositoryLockTest {
  @TempDir Path dir;

  /**
   * Holds the first snapshot written until a second backup reaches its commit too: it writes its
   * own snapshot (without a lock, the race that gave two snapshots one number) or tries to take the
   * lock. So the two commits overlap every time, without any timing.
   */
  static final class Rendezvous extends PackStoreWrapper {
    private final CountDownLatch second = new CountDownLatch(1);
    private Thread first;

    Rendezvous(PackStore delegate) {
      super(delegate);
    }

    @Override
    protected <T> T around(StoreOperation op, String subject, Call<T> call) throws IOException {
      if (op == StoreOperation.PUT
          && (subject.startsWith("snapshots/") || subject.startsWith("locks/"))) {
        boolean wait = false;
        synchronized (this) {
          if (first == null && subject.startsWith("snapshots/")) {
            first = Thread.currentThread();
            wait = true;
          } else if (first != null && first != Thread.currentThread()) {
            second.countDown();
          }
        }
        if (wait) {
          try {
            if (!second.await(60, TimeUnit.SECONDS)) {
              throw new IOException("the second backup never reached its commit");
            }
          } catch (InterruptedException e) {
            throw new java.io.InterruptedIOException();
          }
        }
      }
      return call.run();
    }
  }

  private Path source(String name, int seed) throws IOException {
    Path src = Files.createDirectories(dir.resolve(name));
    Files.write(src.resolve("f"), Trees.random(200_000, seed));
    return src;
  }

  @Test
  void twoBackupsThatCommitAtTheSameMomentTakeDistinctSequenceNumbers() throws Exception {
    List<Path> sources = List.of(source("a", 1), source("b", 2));
    try (PackStores.Opened opened = Repos.store(dir.resolve("repo"))) {
      Repos.init(opened.store());
      PackStore store = new Rendezvous(opened.store());
      ExecutorService two = Executors.newFixedThreadPool(2);
      try {
        List<Future<Backup.Result>> runs = new ArrayList<>();
        for (Path src : sources) {
          Repository repo = Repos.open(store);
          Path spool = Files.createDirectories(dir.resolve("spool-" + src.getFileName()));
          runs.add(
              two.submit(() -> Repos.backup(repo, spool).run(List.of(src), new BackupStats())));
        }
        List<Long> sequences = new ArrayList<>();
        for (Future<Backup.Result> r : runs) {
          sequences.add(r.get(120, TimeUnit.SECONDS).snapshot().sequence());
        }
        assertThat(sequences).containsExactlyInAnyOrder(1L, 2L);
      } finally {
        two.shutdownNow();
      }
      Check.Result keyless = new Check(Repository.openKeyless(opened.store()), 2).run(false);
      assertThat(keyless.problems()).isEmpty();
      assertThat(new Check(Repos.open(opened.store()), 2).run(true).problems()).isEmpty();
      assertThat(Repository.list(opened.store(), RepositoryLock.LOCKS)).isEmpty();
    }
  }

  private static Locking locking(String host, Clock clock, Duration patience) {
    return new Locking(
        ProcessIdentity.current(host),
        clock,
        patience,
        Duration.ofMinutes(5),
        Duration.ofMinutes(30),
        d -> {});
  }

  private static void plant(Repository repo, String name, LockFile lock) throws IOException {
    repo.putObject(PackName.of(RepositoryLock.LOCKS + name), lock.encode(repo.requireKeys()));
  }

  @Test
  void aLiveLockOfAnotherHostMakesACommitWaitAndThenFailNamingTheHolder() throws Exception {
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repository repo = Repos.init(store.store());
      Instant now = Instant.parse("2026-11-28T12:00:00Z");
      MutableClock clock = new MutableClock(now);
      plant(
          repo,
          "0000000000000001",
          new LockFile(repo.config().id(), LockFile.Kind.EXCLUSIVE, "other-host", 77, 1, now, now));
      // Each pause moves the clock, as waiting would: the lock stays fresh by its own refreshes.
      Locking l =
          new Locking(
              ProcessIdentity.current("this-host"),
              clock,
              Duration.ofSeconds(30),
              Duration.ofMinutes(5),
              Duration.ofMinutes(30),
              clock::advance);
      assertThatThrownBy(() -> RepositoryLock.acquire(repo, l))
          .isInstanceOf(RepositoryException.class)
          .hasMessageContaining("locked by process 77 on other-host")
          .hasMessageContaining("waited 30 s");
      assertThat(Repository.list(store.store(), RepositoryLock.LOCKS))
          .containsExactly(PackName.of("locks/0000000000000001"));
    }
  }

  @Test
  void aLockNotRefreshedForThirtyMinutesIsStaleAndRemoved() throws Exception {
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repository repo = Repos.init(store.store());
      Instant then = Instant.parse("2026-11-28T12:00:00Z");
      plant(
          repo,
          "0000000000000002",
          new LockFile(
              repo.config().id(), LockFile.Kind.EXCLUSIVE, "other-host", 77, 1, then, then));
      Locking l =
          locking(
              "this-host",
              Clock.fixed(then.plus(Duration.ofMinutes(31)), java.time.ZoneOffset.UTC),
              Duration.ZERO);
      try (RepositoryLock lock = RepositoryLock.acquire(repo, l)) {
        assertThat(Repository.list(store.store(), RepositoryLock.LOCKS))
            .containsExactly(lock.name());
      }
      assertThat(Repository.list(store.store(), RepositoryLock.LOCKS)).isEmpty();
    }
  }

  @Test
  void aFreshLockOfAProcessOfThisHostThatIsGoneIsStale() throws Exception {
    Process p = new ProcessBuilder("sleep", "600").start();
    long start = p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    p.destroyForcibly();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repository repo = Repos.init(store.store());
      Instant now = Instant.now();
      plant(
          repo,
          "0000000000000003",
          new LockFile(
              repo.config().id(), LockFile.Kind.EXCLUSIVE, "this-host", p.pid(), start, now, now));
      try (RepositoryLock lock =
          RepositoryLock.acquire(repo, locking("this-host", Clock.systemUTC(), Duration.ZERO))) {
        assertThat(Repository.list(store.store(), RepositoryLock.LOCKS))
            .containsExactly(lock.name());
      }
    }
  }

  @Test
  void aLockThatTheKeysDidNotSignExcludesNobody() throws Exception {
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repository repo = Repos.init(store.store());
      repo.putObject(PackName.of("locks/0000000000000004"), Trees.random(200, 3));
      try (RepositoryLock lock =
          RepositoryLock.acquire(repo, locking("h", Clock.systemUTC(), Duration.ZERO))) {
        assertThat(lock.lock().host()).isEqualTo("h");
      }
      assertThat(repo.damaged()).containsKey(PackName.of("locks/0000000000000004"));
    }
  }

  @Test
  void aHeldLockIsRefreshedSoItDoesNotGoStale() throws Exception {
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repository repo = Repos.init(store.store());
      MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
      Locking mine = locking("holder-host", clock, Duration.ZERO);
      try (RepositoryLock held = RepositoryLock.acquire(repo, mine)) {
        clock.advance(Duration.ofMinutes(25));
        held.refresh();
        clock.advance(Duration.ofMinutes(25));
        // 50 minutes after it was taken, 25 after its refresh: live.
        assertThatThrownBy(
                () -> RepositoryLock.acquire(repo, locking("other-host", clock, Duration.ZERO)))
            .isInstanceOf(RepositoryException.class)
            .hasMessageContaining("holder-host");
        held.checkHeld();
      }
    }
  }

  @Test
  void aHolderWhoseLockWasTakenAsStaleCommitsNothing() throws Exception {
    try (PackStores.Opened store = Repos.store(dir.resolve("repo"))) {
      Repository repo = Repos.init(store.store());
      MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
      try (RepositoryLock held =
          RepositoryLock.acquire(repo, locking("slow", clock, Duration.ZERO))) {
        clock.advance(Duration.ofMinutes(31));
        try (RepositoryLock other =
            RepositoryLock.acquire(repo, locking("other", clock, Duration.ZERO))) {
          assertThatThrownBy(held::checkHeld)
              .isInstanceOf(RepositoryException.class)
              .hasMessageContaining("lost its lock");
          held.refresh();
          assertThat(Repository.list(store.store(), RepositoryLock.LOCKS))
              .containsExactly(other.name());
        }
      }
    }
  }
}
