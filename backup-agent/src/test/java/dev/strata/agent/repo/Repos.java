package dev.strata.agent.repo;

import dev.strata.disk.PackStore;
import dev.strata.disk.PackStores;
import dev.strata.disk.RetryPolicy;
import dev.strata.disk.StoreSettings;
import dev.strata.format.repo.KeyFile;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;

/** Repositories for tests: small chunks and packs, so a few MiB make several packs. */
public final class Repos {
  public static final char[] PASS = "test pass".toCharArray();
  public static final Repository.Settings SMALL =
      new Repository.Settings(16 << 10, 64 << 10, 256 << 10, 1 << 20, new KeyFile.Kdf(256, 1, 1));

  private Repos() {}

  /**
   * The store stack the command line uses, with fault injection and retries that do not wait; the
   * store is initialised if {@code dir} holds none yet.
   */
  public static PackStores.Opened store(Path dir) throws IOException {
    return PackStores.initialise(
        dir.toUri(),
        StoreSettings.defaults(Clock.systemUTC(), new SplittableRandom(1))
            .withRetry(new RetryPolicy(2, Duration.ZERO, Duration.ZERO), d -> {})
            .withFaultInjection());
  }

  public static Repository init(PackStore store) throws Exception {
    return Repository.init(store, PASS, SMALL, "test", Clock.systemUTC(), new SecureRandom());
  }

  public static Repository open(PackStore store) throws Exception {
    return Repository.open(store, PASS, new SecureRandom());
  }

  public static Backup backup(Repository repo, Path spool) {
    return new Backup(repo, spool, 2, Clock.systemUTC(), "host", "user");
  }
}
