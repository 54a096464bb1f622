package dev.strata.agent.cli;

import dev.strata.agent.repo.Repository;
import dev.strata.agent.repo.RepositoryException;
import dev.strata.format.repo.KeyFile;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The passphrases that open a repository: each wraps the same master keys in a key file. */
@Command(
    name = "key",
    description = "List the repository's keys, or add a passphrase.",
    subcommands = {KeyCommand.List.class, KeyCommand.Add.class})
final class KeyCommand {
  @ParentCommand StrataCommand root;

  @Command(name = "list", description = "List the key files (who added them, and when).")
  static final class List implements Callable<Integer> {
    @ParentCommand KeyCommand key;

    @Override
    public Integer call() throws Exception {
      StrataCommand root = key.root;
      try (StoreHandle store = root.openStore()) {
        Repository repo = root.openRepository(store);
        Output out = new Output(root);
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (Repository.StoredKey k : repo.keys()) {
          if (root.json) {
            all.add(
                Json.createObjectBuilder()
                    .add("name", k.name())
                    .add("label", k.key().label())
                    .add("created", k.key().createdAt().toString()));
          } else {
            out.line(k.name() + "  " + k.key().createdAt() + "  " + k.key().label());
          }
        }
        if (root.json) {
          out.json(Json.createObjectBuilder().add("keys", all));
        }
        out.skipped(repo);
      }
      return 0;
    }
  }

  @Command(name = "add", description = "Add a passphrase; every key opens the same repository.")
  static final class Add implements Callable<Integer> {
    @ParentCommand KeyCommand key;

    @Option(
        names = "--new-password-file",
        required = true,
        description = "File holding the passphrase to add.")
    Path newPasswordFile;

    @Override
    public Integer call() throws Exception {
      StrataCommand root = key.root;
      char[] added =
          Files.readString(newPasswordFile, StandardCharsets.UTF_8)
              .replaceFirst("\\R$", "")
              .toCharArray();
      if (added.length == 0) {
        throw new RepositoryException("an empty passphrase is not allowed");
      }
      try (StoreHandle store = root.openStore()) {
        Repository repo = root.openRepository(store);
        String name = repo.addKey(added, KeyFile.Kdf.DEFAULT, root.who(), root.clock);
        new Output(root).line("added key " + name);
      }
      return 0;
    }
  }
}
