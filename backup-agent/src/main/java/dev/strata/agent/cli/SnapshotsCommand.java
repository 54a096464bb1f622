package dev.strata.agent.cli;

import dev.strata.agent.repo.Repository;
import dev.strata.disk.PackName;
import dev.strata.format.repo.Snapshot;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "snapshots", description = "List the snapshots, oldest first.")
final class SnapshotsCommand implements Callable<Integer> {
  @ParentCommand StrataCommand root;

  @Override
  public Integer call() throws Exception {
    try (StoreHandle store = root.openStore()) {
      Repository repo = root.openRepository(store);
      Output out = new Output(root);
      JsonArrayBuilder all = Json.createArrayBuilder();
      if (!root.json) {
        out.line(
            String.format(
                "%-8s  %8s  %-20s  %-16s  %10s  %s", "ID", "SEQ", "TIME", "HOST", "SIZE", "PATHS"));
      }
      for (Repository.StoredSnapshot s : repo.snapshots()) {
        Snapshot n = s.snapshot();
        if (root.json) {
          JsonArrayBuilder paths = Json.createArrayBuilder();
          n.paths().forEach(paths::add);
          all.add(
              Json.createObjectBuilder()
                  .add("id", s.id().hex())
                  .add("sequence", n.sequence())
                  .add("time", n.time().toString())
                  .add("host", n.host())
                  .add("user", n.user())
                  .add("paths", paths)
                  .add("parent", n.parent().map(Object::toString).orElse(""))
                  .add("files", n.files())
                  .add("bytes", n.bytes()));
        } else {
          out.line(
              String.format(
                  "%-8s  %8d  %-20s  %-16s  %10s  %s",
                  s.id().shortForm(),
                  n.sequence(),
                  n.time().toString().replaceFirst("\\.\\d+Z$", "Z"),
                  n.host(),
                  Sizes.human(n.bytes()),
                  String.join(" ", n.paths())));
        }
      }
      Map<PackName, String> damaged = repo.damaged(Repository.SNAPSHOTS);
      if (root.json) {
        JsonArrayBuilder skipped = Json.createArrayBuilder();
        damaged.forEach(
            (name, why) ->
                skipped.add(
                    Json.createObjectBuilder().add("name", name.value()).add("problem", why)));
        out.json(Json.createObjectBuilder().add("snapshots", all).add("damaged", skipped));
      }
      out.skipped(repo);
      // The listing lacks the damaged snapshots: done, but incomplete.
      return damaged.isEmpty() ? 0 : StrataCommand.INCOMPLETE;
    }
  }
}
