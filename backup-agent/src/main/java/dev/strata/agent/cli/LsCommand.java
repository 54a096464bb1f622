package dev.strata.agent.cli;

import dev.strata.agent.repo.BlobLocation;
import dev.strata.agent.repo.Repository;
import dev.strata.agent.repo.TreeReader;
import dev.strata.disk.PackName;
import dev.strata.format.repo.BlobId;
import dev.strata.format.repo.PathBytes;
import dev.strata.format.repo.TreeEntry;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "ls", description = "List the files of a snapshot (an id, a prefix, or 'latest').")
final class LsCommand implements Callable<Integer> {
  @ParentCommand StrataCommand root;

  @Parameters(index = "0", paramLabel = "SNAPSHOT")
  String snapshot;

  @Override
  public Integer call() throws Exception {
    try (StoreHandle store = root.openStore()) {
      Repository repo = root.openRepository(store);
      Repository.StoredSnapshot s = repo.snapshot(snapshot);
      Map<PackName, String> unreadable = new HashMap<>();
      Map<BlobId, BlobLocation> index = repo.loadIndex(unreadable);
      TreeReader tree = new TreeReader(repo, index, s.snapshot().trees());
      Output out = new Output(root);
      JsonArrayBuilder entries = Json.createArrayBuilder();
      Optional<TreeEntry> next;
      while ((next = tree.next()).isPresent()) {
        TreeEntry e = next.get();
        String mtime = Instant.ofEpochSecond(e.mtimeSeconds(), e.mtimeNanos()).toString();
        if (root.json) {
          entries.add(
              Json.createObjectBuilder()
                  .add("path", "/" + PathBytes.display(e.path()))
                  .add("type", e.kind().name().toLowerCase(java.util.Locale.ROOT))
                  .add("mode", String.format("%04o", e.mode()))
                  .add("uid", e.uid())
                  .add("gid", e.gid())
                  .add("size", e.size())
                  .add("mtime", mtime)
                  .add("linkTarget", PathBytes.display(e.linkTarget())));
        } else {
          // Bytes that are not UTF-8 are shown as \xNN.
          String target =
              e.linkTarget().isEmpty() ? "" : " -> " + PathBytes.display(e.linkTarget());
          out.line(
              String.format(
                  "%s%04o %5d %5d %12d %s /%s%s",
                  switch (e.kind()) {
                    case DIRECTORY -> "d";
                    case SYMLINK -> "l";
                    case HARDLINK -> "h";
                    case FILE -> "-";
                  },
                  e.mode(),
                  e.uid(),
                  e.gid(),
                  e.size(),
                  mtime,
                  PathBytes.display(e.path()),
                  target));
        }
      }
      if (root.json) {
        out.json(Json.createObjectBuilder().add("snapshot", s.id().hex()).add("entries", entries));
      }
      out.skipped(repo);
    }
    return 0;
  }
}
