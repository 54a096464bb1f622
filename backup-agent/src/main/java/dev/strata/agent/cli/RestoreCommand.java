package dev.strata.agent.cli;

import dev.strata.agent.center.CenterRestore;
import dev.strata.agent.repo.Repository;
import dev.strata.agent.repo.Restore;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "restore",
    description =
        "Restore a snapshot (or parts of it) into a directory. Exit code 3 if some entries of the"
            + " snapshot could not be restored (each is listed); damage elsewhere in the repository"
            + " is only a warning.")
final class RestoreCommand implements Callable<Integer> {
  @ParentCommand StrataCommand root;

  @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "An id, a prefix, or 'latest'.")
  String snapshot;

  @Option(names = "--target", required = true, description = "Directory to restore into.")
  Path target;

  @Option(
      names = "--include",
      arity = "1..*",
      description = "Restore only these paths (as the snapshot lists them) and what is below them.")
  List<String> includes = new ArrayList<>();

  @Option(names = "--overwrite", description = "Restore into a non-empty target, replacing files.")
  boolean overwrite;

  @Option(
      names = "--no-sparse",
      description =
          "Write blocks of zeros out in full. By default they are left as holes, so sparse files"
              + " stay sparse.")
  boolean noSparse;

  /** Writers when --threads is not given: more only add threads waiting on the same disk. */
  static final int DEFAULT_WRITERS = 16;

  @Spec CommandSpec spec;

  /** The writer threads: --threads if given, else the processors up to {@link #DEFAULT_WRITERS}. */
  int writers() {
    boolean given =
        spec.commandLine().getParseResult().hasMatchedOption("--threads")
            || root.spec().commandLine().getParseResult().hasMatchedOption("--threads");
    return given ? root.threads : Math.min(root.threads, DEFAULT_WRITERS);
  }

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      description =
          "With --server: how long to wait while the center recalls packs from tape (default:"
              + " 86400).")
  long waitSeconds = 86_400;

  private static void say(java.io.PrintWriter err, String m) {
    err.println(m);
    err.flush();
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /** Reports the restore's progress to the center every two seconds while it runs. */
  private static AutoCloseable reportProgress(Optional<CenterRestore> center, Restore restore) {
    if (center.isEmpty()) {
      return () -> {};
    }
    java.util.concurrent.ScheduledExecutorService timer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "strata-restore-progress");
              t.setDaemon(true);
              return t;
            });
    long[] last = {-1};
    timer.scheduleWithFixedDelay(
        () -> {
          long bytes = restore.bytesDone();
          if (bytes != last[0]) {
            try {
              center.get().report("RUNNING", bytes, restore.filesDone(), null);
              last[0] = bytes;
            } catch (Exception e) {
              // progress is informative; the outcome is reported at the end
            }
          }
        },
        2,
        2,
        java.util.concurrent.TimeUnit.SECONDS);
    return timer::shutdownNow;
  }

  @Override
  public Integer call() throws Exception {
    try (StoreHandle store = root.openStore()) {
      Repository repo = root.openRepository(store);
      Repository.StoredSnapshot s = repo.snapshot(snapshot);
      boolean asRoot = "root".equals(root.user()) || "0".equals(root.environment.get("UID"));
      Restore.Options options = Restore.Options.of(writers(), asRoot).withSparse(!noSparse);
      var err = root.spec().commandLine().getErr();
      Optional<CenterRestore> center = Optional.empty();
      if (store.center().isPresent()) {
        CenterRestore c =
            CenterRestore.request(
                store.center().get(),
                s.id().hex(),
                target.toAbsolutePath().normalize().toString(),
                includes);
        if (!root.json) {
          err.println("restore " + c.id() + " in the control center: " + c.estimate());
          err.flush();
        }
        c.awaitReady(Duration.ofSeconds(waitSeconds), m -> say(err, m));
        c.readThrough(s.id().hex(), m -> say(err, "note: " + m));
        center = Optional.of(c);
      }
      Restore restore = new Restore(repo, options);
      Restore.Result r;
      try (AutoCloseable reports = reportProgress(center, restore)) {
        r = restore.run(s.snapshot(), target, includes, overwrite);
      } catch (Exception e) {
        if (center.isPresent()) {
          center.get().report("FAILED", restore.bytesDone(), restore.filesDone(), describe(e));
        }
        throw e;
      }
      if (center.isPresent()) {
        center
            .get()
            .report(
                r.problems().isEmpty() ? "DONE" : "FAILED",
                r.bytes(),
                r.files(),
                r.problems().isEmpty()
                    ? "restored " + r.files() + " files"
                    : r.problems().size() + " entries not restored: " + r.problems().get(0));
      }
      Output out = new Output(root);
      if (root.json) {
        JsonArrayBuilder problems = Json.createArrayBuilder();
        r.problems().forEach(problems::add);
        JsonArrayBuilder warnings = Json.createArrayBuilder();
        r.warnings().forEach(warnings::add);
        out.json(
            Json.createObjectBuilder()
                .add("snapshot", s.id().hex())
                .add("files", r.files())
                .add("directories", r.directories())
                .add("links", r.links())
                .add("bytes", r.bytes())
                .add("problems", problems)
                .add("warnings", warnings));
      } else {
        r.warnings().forEach(w -> err.println("warning: " + w));
        r.problems().forEach(p -> err.println("error: " + p));
        out.line(
            String.format(
                "restored %d files, %d directories, %d links, %s from snapshot %s to %s",
                r.files(),
                r.directories(),
                r.links(),
                Sizes.human(r.bytes()),
                s.id().shortForm(),
                target.toAbsolutePath().normalize()));
      }
      out.skipped(repo);
      // The exit code describes the snapshot restored: warnings about the rest do not count.
      return r.problems().isEmpty() ? 0 : StrataCommand.INCOMPLETE;
    }
  }
}
