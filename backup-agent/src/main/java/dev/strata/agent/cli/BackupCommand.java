package dev.strata.agent.cli;

import dev.strata.agent.center.CenterBackup;
import dev.strata.agent.repo.Backup;
import dev.strata.agent.repo.BackupStats;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "backup",
    description = "Back up files and directories; prints the new snapshot's id on its last line.")
final class BackupCommand implements Callable<Integer> {
  @ParentCommand StrataCommand root;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "What to back up.")
  List<Path> paths;

  @Option(
      names = "--policy",
      paramLabel = "NAME",
      description =
          "With --server: the QoS policy of a backup set defined by this backup (gold, silver,"
              + " bronze or one the center defines).")
  String policy;

  @Option(
      names = "--through-center",
      description =
          "With --server: send packs through the control center instead of to the storage node"
              + " directly (for a machine that cannot reach the node).")
  boolean throughCenter;

  @Option(
      names = "--backup-set",
      paramLabel = "ID",
      description = "With --server: the backup set (default: made of the host name).")
  String backupSet;

  @Override
  public Integer call() throws Exception {
    BackupRunner.Outcome o =
        BackupRunner.run(
            root,
            new BackupRunner.Request(paths, backupSet, policy, throughCenter),
            new BackupStats(),
            stats -> {
              AutoCloseable progress = Progress.start(root.json, stats);
              if (progress instanceof Progress) {
                Thread scan = new Thread(() -> scan(paths, stats), "strata-scan");
                scan.setDaemon(true);
                scan.start();
              }
              return progress;
            });
    Backup.Result r = o.result();
    BackupStats stats = o.stats();
    Optional<CenterBackup> center = o.center();
    boolean recorded = center.isPresent();
    Output out = new Output(root);
    if (root.json) {
      JsonArrayBuilder warnings = Json.createArrayBuilder();
      r.warnings().forEach(warnings::add);
      JsonArrayBuilder notices = Json.createArrayBuilder();
      r.notices().forEach(notices::add);
      out.json(
          Json.createObjectBuilder()
              .add("id", r.id().hex())
              .add("sequence", r.snapshot().sequence())
              .add("parent", r.snapshot().parent().map(Object::toString).orElse(""))
              .add("filesNew", stats.filesNew.sum())
              .add("filesChanged", stats.filesChanged.sum())
              .add("filesUnchanged", stats.filesUnchanged.sum())
              .add("directories", stats.directories.sum())
              .add("bytesProcessed", stats.bytesDone.sum())
              .add("blobsAdded", stats.blobsAdded.sum())
              .add("bytesAdded", stats.bytesAdded.sum())
              .add("warnings", warnings)
              .add("notices", notices)
              .add(
                  "backupSet",
                  center.isPresent() ? Json.createValue(center.get().backupSet()) : JsonValue.NULL)
              .add("packs", r.packs().size()));
    } else {
      r.notices().forEach(n -> root.spec().commandLine().getErr().println("note: " + n));
      r.warnings().forEach(w -> root.spec().commandLine().getErr().println("warning: " + w));
      out.line(
          String.format(
              "files: %d new, %d changed, %d unchanged; %s processed, %s added in %d blobs",
              stats.filesNew.sum(),
              stats.filesChanged.sum(),
              stats.filesUnchanged.sum(),
              Sizes.human(stats.bytesDone.sum()),
              Sizes.human(stats.bytesAdded.sum()),
              stats.blobsAdded.sum()));
      out.line(
          "snapshot " + r.id().shortForm() + " saved (sequence " + r.snapshot().sequence() + ")");
      if (recorded) {
        out.line(
            "recorded in the control center: backup set "
                + center.get().backupSet()
                + " under policy "
                + center.get().policy()
                + ", "
                + r.packs().size()
                + " packs, landed on "
                + center.get().landing()
                + "; the policy's further copies follow");
      }
      out.line(r.id().hex());
    }
    out.skipped(o.repo());
    return r.warnings().isEmpty() ? 0 : StrataCommand.INCOMPLETE;
  }

  /** Counts what the backup will visit, so the progress display can show an ETA. */
  private static void scan(List<Path> paths, BackupStats stats) {
    long[] totals = new long[2];
    for (Path p : paths) {
      try {
        Files.walkFileTree(
            p,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                if (a.isRegularFile()) {
                  totals[0]++;
                  totals[1] += a.size();
                }
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        return;
      }
    }
    stats.totalFiles = totals[0];
    stats.totalBytes = totals[1];
  }
}
