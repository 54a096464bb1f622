package dev.strata.agent.cli;

import dev.strata.agent.repo.Check;
import dev.strata.agent.repo.Repository;
import dev.strata.disk.PackStores;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "check",
    description =
        "Check the repository. Without a passphrase it verifies signatures and hashes only;"
            + " with one it also decrypts indexes and trees (and with --read-data every blob).")
final class CheckCommand implements Callable<Integer> {
  @ParentCommand StrataCommand root;

  @Option(names = "--read-data", description = "Read every pack and verify its hash and signature.")
  boolean readData;

  @Override
  public Integer call() throws Exception {
    try (PackStores.Opened store = root.openStore()) {
      Optional<char[]> pass = root.passphrase();
      Repository repo =
          pass.isPresent()
              ? Repository.open(store.store(), pass.get(), root.random)
              : Repository.openKeyless(store.store());
      Check.Result r = new Check(repo, root.threads).run(readData);
      Output out = new Output(root);
      if (root.json) {
        JsonArrayBuilder problems = Json.createArrayBuilder();
        r.problems().forEach(problems::add);
        JsonArrayBuilder affected = Json.createArrayBuilder();
        r.affected().forEach(affected::add);
        out.json(
            Json.createObjectBuilder()
                .add("ok", r.ok())
                .add("keyless", !repo.hasKeys())
                .add("packs", r.packs())
                .add("snapshots", r.snapshots())
                .add("bytesRead", r.bytesRead())
                .add("problems", problems)
                .add("affectedFiles", affected));
      } else {
        var err = root.spec().commandLine().getErr();
        r.problems().forEach(p -> err.println("error: " + p));
        r.affected().forEach(f -> err.println("affected file: " + f));
        out.line(
            String.format(
                "%s: %d packs, %d snapshots checked%s%s",
                r.ok() ? "no errors" : r.problems().size() + " problems",
                r.packs(),
                r.snapshots(),
                readData ? ", " + Sizes.human(r.bytesRead()) + " read" : "",
                repo.hasKeys() ? "" : " (without the passphrase: signatures and hashes only)"));
      }
      return r.ok() ? 0 : 1;
    }
  }
}
