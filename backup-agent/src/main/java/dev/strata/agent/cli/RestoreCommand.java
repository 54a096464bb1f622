package dev.strata.agent.cli;

import dev.strata.agent.repo.Repository;
import dev.strata.agent.repo.Restore;
import dev.strata.disk.PackStores;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "restore", description = "Restore a snapshot (or parts of it) into a directory.")
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

  @Override
  public Integer call() throws Exception {
    try (PackStores.Opened store = root.openStore()) {
      Repository repo = root.openRepository(store);
      Repository.StoredSnapshot s = repo.snapshot(snapshot);
      boolean asRoot = "root".equals(root.user()) || "0".equals(root.environment.get("UID"));
      Restore.Result r =
          new Restore(repo, root.threads, asRoot).run(s.snapshot(), target, includes, overwrite);
      Output out = new Output(root);
      if (root.json) {
        JsonArrayBuilder problems = Json.createArrayBuilder();
        r.problems().forEach(problems::add);
        out.json(
            Json.createObjectBuilder()
                .add("snapshot", s.id().hex())
                .add("files", r.files())
                .add("directories", r.directories())
                .add("links", r.links())
                .add("bytes", r.bytes())
                .add("problems", problems));
      } else {
        r.problems().forEach(p -> root.spec().commandLine().getErr().println("error: " + p));
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
      return r.problems().isEmpty() ? 0 : StrataCommand.INCOMPLETE;
    }
  }
}
