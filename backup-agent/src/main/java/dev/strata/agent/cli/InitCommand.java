package dev.strata.agent.cli;

import dev.strata.agent.repo.Repository;
import jakarta.json.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "init", description = "Create a new repository (the passphrase protects its keys).")
final class InitCommand implements Callable<Integer> {
  @ParentCommand StrataCommand root;

  @Override
  public Integer call() throws Exception {
    char[] pass = root.requirePassphrase();
    if (pass.length == 0) {
      throw new dev.strata.agent.repo.RepositoryException("an empty passphrase is not allowed");
    }
    try (StoreHandle store = root.initialiseStore()) {
      Repository r =
          Repository.init(
              store.store(),
              pass,
              Repository.Settings.DEFAULT,
              root.who(),
              root.clock,
              root.random);
      Output out = new Output(root);
      if (root.json) {
        out.json(
            Json.createObjectBuilder()
                .add("repository", r.config().id().toString())
                .add("location", root.describeLocation())
                .add("publicKey", r.config().publicKey().toString()));
      } else {
        out.line("created repository " + r.config().id() + " at " + root.describeLocation());
        out.line("public key (verifies packs without the passphrase): " + r.config().publicKey());
      }
    }
    return 0;
  }
}
