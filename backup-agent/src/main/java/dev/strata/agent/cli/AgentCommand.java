package dev.strata.agent.cli;

import dev.strata.agent.center.CenterClient;
import dev.strata.agent.repo.BackupStats;
import dev.strata.agent.repo.RepositoryException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The agent as a daemon: waits for its work at the control center (a long poll), runs each claimed
 * backup job exactly as {@code strata backup --server} would, and reports the run: RUNNING with
 * progress, then DONE with the snapshot or FAILED with why. When the center cannot be reached it
 * tries again with a growing pause; an outcome it could not report yet is kept and sent once the
 * center answers. SIGTERM stops it after the current report (a backup in progress is interrupted
 * and reported FAILED).
 */
@Command(
    name = "agent",
    description =
        "Run as the agent daemon of --server: take scheduled and run-now backups from the control"
            + " center and report them, until stopped (SIGTERM).")
final class AgentCommand implements Callable<Integer> {
  static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  @ParentCommand StrataCommand root;

  @Option(
      names = "--poll-wait",
      paramLabel = "SECONDS",
      description = "How long one poll for work waits at the center (1 to 30, default 30).")
  int pollWait = 30;

  @Option(
      names = "--report-every",
      paramLabel = "SECONDS",
      description = "How often a running backup reports its progress (default 10).")
  int reportEvery = 10;

  @Option(
      names = "--through-center",
      description = "Send packs through the control center instead of to the nodes directly.")
  boolean throughCenter;

  private volatile boolean stopping;
  private PrintWriter log;

  @Override
  public Integer call() throws Exception {
    if (pollWait < 1 || pollWait > 30) {
      throw new RepositoryException("--poll-wait is 1 to 30 seconds");
    }
    if (reportEvery < 1) {
      throw new RepositoryException("--report-every is at least 1 second");
    }
    URI server =
        root.server()
            .orElseThrow(
                () ->
                    new RepositoryException(
                        "the agent works for a control center: give --server URL or set"
                            + " STRATA_SERVER"));
    CenterClient center = new CenterClient(server, root.apiKey(), CenterClient.defaultHttp());
    root.requirePassphrase();
    log = root.spec().commandLine().getErr();
    Thread worker = Thread.currentThread();
    Thread hook =
        new Thread(
            () -> {
              stopping = true;
              worker.interrupt();
              try {
                worker.join(Duration.ofSeconds(30).toMillis());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "strata-agent-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    say("working for " + server + "; waiting for runs");
    Duration backoff = Duration.ofSeconds(1);
    while (!stopping) {
      try {
        HttpResponse<String> r =
            center.send(
                center
                    .request("agents/me/work?wait=" + pollWait)
                    .timeout(Duration.ofSeconds(pollWait + 30L))
                    .GET());
        if (r.statusCode() == 200) {
          backoff = Duration.ofSeconds(1);
          run(center, parse(r.body()));
        } else if (r.statusCode() == 204) {
          backoff = Duration.ofSeconds(1);
        } else if (r.statusCode() == 401 || r.statusCode() == 403) {
          throw CenterClient.failure("GET", r.uri(), r.statusCode(), r.body());
        } else {
          throw new IOException(
              CenterClient.failure("GET", r.uri(), r.statusCode(), r.body()).getMessage());
        }
      } catch (InterruptedIOException e) {
        break;
      } catch (IOException e) {
        if (stopping) {
          break;
        }
        say(e.getMessage() + "; trying again in " + backoff.toSeconds() + " s");
        if (!pause(backoff)) {
          break;
        }
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
    say("stopped");
    return 0;
  }

  /** Runs one claimed backup job and reports it. */
  private void run(CenterClient center, JsonObject work) {
    String run = work.getString("run");
    String reports = "job-runs/" + CenterClient.encode(run) + "/reports";
    List<Path> paths =
        work.getJsonArray("paths").getValuesAs(JsonString.class).stream()
            .map(s -> Path.of(s.getString()))
            .toList();
    say(
        "run "
            + run
            + " of job "
            + work.getString("job")
            + ": backing up "
            + paths
            + " into "
            + work.getString("backupSet"));
    BackupStats stats = new BackupStats();
    ScheduledExecutorService progress =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "strata-agent-progress");
              t.setDaemon(true);
              return t;
            });
    JsonObject outcome;
    try {
      report(center, reports, status("RUNNING", stats, "started on " + root.host()));
      progress.scheduleWithFixedDelay(
          () -> {
            try {
              report(center, reports, status("RUNNING", stats, ""));
            } catch (IOException | RepositoryException e) {
              // Progress is best effort; the outcome is what must arrive.
            }
          },
          reportEvery,
          reportEvery,
          TimeUnit.SECONDS);
      BackupRunner.Outcome o =
          BackupRunner.run(
              root,
              new BackupRunner.Request(
                  paths, work.getString("backupSet"), work.getString("policy"), throughCenter),
              stats,
              s -> () -> {});
      progress.shutdownNow();
      String snapshot = o.result().id().hex();
      outcome =
          status(
                  "DONE",
                  stats,
                  o.result().warnings().isEmpty()
                      ? ""
                      : o.result().warnings().size() + " warnings: " + o.result().warnings().get(0))
              .add("snapshot", snapshot)
              .build();
      say("run " + run + " done: snapshot " + snapshot);
    } catch (Exception e) {
      progress.shutdownNow();
      String why =
          stopping
              ? "the agent was stopped during the backup"
              : e.getMessage() == null ? e.toString() : e.getMessage();
      outcome = status("FAILED", stats, why).build();
      say("run " + run + " failed: " + why);
      Thread.interrupted(); // the report below must go out even when we were interrupted
    }
    deliver(center, reports, outcome);
  }

  /**
   * Sends a run's outcome, trying again while the center cannot be reached (once when stopping).
   */
  private void deliver(CenterClient center, String reports, JsonObject outcome) {
    Duration backoff = Duration.ofSeconds(1);
    while (true) {
      try {
        report(center, reports, outcome);
        return;
      } catch (RepositoryException e) {
        say("the center refused the report: " + e.getMessage());
        return;
      } catch (IOException e) {
        if (stopping) {
          say("could not report before stopping: " + e.getMessage());
          return;
        }
        say(e.getMessage() + "; reporting again in " + backoff.toSeconds() + " s");
        if (!pause(backoff)) {
          return;
        }
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
  }

  private static JsonObjectBuilder status(String status, BackupStats stats, String message) {
    return Json.createObjectBuilder()
        .add("status", status)
        .add("bytesDone", stats.bytesDone.sum())
        .add(
            "filesDone",
            stats.filesNew.sum() + stats.filesChanged.sum() + stats.filesUnchanged.sum())
        .add("message", message);
  }

  private static void report(CenterClient center, String path, JsonObjectBuilder body)
      throws IOException, RepositoryException {
    report(center, path, body.build());
  }

  private static void report(CenterClient center, String path, JsonObject body)
      throws IOException, RepositoryException {
    center.post(path, body, 200);
  }

  private static JsonObject parse(String body) throws IOException {
    try (var r = Json.createReader(new StringReader(body))) {
      return r.readObject();
    } catch (RuntimeException e) {
      throw new IOException("the center's work answer is not JSON");
    }
  }

  /** Waits {@code d}; false when the agent is stopping. */
  private boolean pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return !stopping;
    } catch (InterruptedException e) {
      return false;
    }
  }

  private void say(String s) {
    log.println(
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            + " strata agent: "
            + s);
  }
}
