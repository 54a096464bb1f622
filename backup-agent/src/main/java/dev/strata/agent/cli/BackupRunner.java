package dev.strata.agent.cli;

import dev.strata.agent.center.CenterBackup;
import dev.strata.agent.repo.Backup;
import dev.strata.agent.repo.BackupStats;
import dev.strata.agent.repo.Repository;
import dev.strata.agent.repo.RepositoryException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One backup, as {@code strata backup} and the agent daemon's jobs run it: the paths into the
 * repository (a local one, or the control center's), and with a center the snapshot recorded in its
 * backup set. What is shown while it runs is the caller's ({@code progress}).
 */
final class BackupRunner {
  private BackupRunner() {}

  /**
   * What a backup gave: the snapshot, the counts, and the center's backup set when there is one.
   */
  record Outcome(
      Backup.Result result, BackupStats stats, Optional<CenterBackup> center, Repository repo) {}

  /** What to back up and, with a center, into which backup set under which policy. */
  record Request(List<Path> paths, String backupSet, String policy, boolean throughCenter) {}

  static Outcome run(
      StrataCommand root,
      Request request,
      BackupStats stats,
      Function<BackupStats, AutoCloseable> progress)
      throws Exception {
    for (Path p : request.paths()) {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new RepositoryException("no such file or directory: " + p);
      }
    }
    if (root.server().isEmpty()
        && (request.policy() != null || request.backupSet() != null || request.throughCenter())) {
      throw new RepositoryException(
          "--policy, --backup-set and --through-center need --server (a backup set lives in the"
              + " control center)");
    }
    try (StoreHandle store = root.openStore()) {
      Repository repo = root.openRepository(store);
      Optional<CenterBackup> center = Optional.empty();
      if (store.center().isPresent()) {
        center =
            Optional.of(
                CenterBackup.open(
                    store.center().get(),
                    request.backupSet() != null
                        ? request.backupSet()
                        : CenterBackup.setIdOf(root.host()),
                    Optional.ofNullable(request.policy()),
                    root.host(),
                    repo.config().publicKey().toString()));
        store.center().get().sendThroughCenter(request.throughCenter());
      }
      Backup.Result r;
      try (AutoCloseable shown = progress.apply(stats)) {
        r =
            new Backup(
                    repo,
                    root.temporaryDirectory(),
                    root.threads,
                    root.clock,
                    root.host(),
                    root.user())
                .run(request.paths(), stats);
      }
      if (center.isPresent()) {
        center.get().commit(r);
      }
      return new Outcome(r, stats, center, repo);
    }
  }
}
