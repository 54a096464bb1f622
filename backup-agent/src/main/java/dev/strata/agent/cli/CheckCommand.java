package dev.strata.agent.cli;

import dev.strata.agent.repo.Check;
import dev.strata.agent.repo.Repair;
import dev.strata.agent.repo.Repository;
import dev.strata.agent.repo.RepositoryException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "check",
    description =
        "Check the repository. Without a passphrase it verifies signatures, hashes and the"
            + " ledger (nothing recorded is missing); with one it also decrypts indexes and trees"
            + " (and with --read-data every blob).")
final class CheckCommand implements Callable<Integer> {
  @ParentCommand StrataCommand root;

  @Option(names = "--read-data", description = "Read every pack and verify its hash and signature.")
  boolean readData;

  @Option(
      names = "--repair",
      description =
          "First repair what can be repaired without losing a snapshot (needs the passphrase):"
              + " record what the ledger lacks, give snapshots that share a sequence number new"
              + " ones, mend a broken ledger chain.")
  boolean repair;

  @Option(
      names = "--expect-sequence",
      paramLabel = "N",
      description =
          "Fail unless the ledger records a snapshot sequence of at least N (from the catalog or an"
              + " earlier check): detects a rollback.")
  Long expectSequence;

  @Option(
      names = "--expect-head",
      paramLabel = "SHA256",
      description =
          "Fail unless this ledger generation (as an earlier check printed it) is still in the"
              + " ledger: detects a rollback or replacement.")
  String expectHead;

  @Override
  public Integer call() throws Exception {
    try (StoreHandle store = root.openStore()) {
      Optional<char[]> pass = root.passphrase();
      Repository repo =
          pass.isPresent()
              ? Repository.open(store.store(), pass.get(), root.random).withLocking(root.locking())
              : Repository.openKeyless(store.store());
      Output out = new Output(root);
      var err = root.spec().commandLine().getErr();
      Repair.Result repaired = null;
      if (repair) {
        if (!repo.hasKeys()) {
          throw new RepositoryException("--repair needs the passphrase (it signs what it writes)");
        }
        repaired = new Repair(repo).run();
        if (!root.json) {
          repaired.actions().forEach(a -> err.println("repaired: " + a));
          repaired.left().forEach(a -> err.println("not repaired: " + a));
          if (repaired.actions().isEmpty()) {
            err.println("repaired: nothing needed repair");
          }
        }
      }
      Check.Anchor anchor =
          new Check.Anchor(
              expectSequence == null ? OptionalLong.empty() : OptionalLong.of(expectSequence),
              Optional.ofNullable(expectHead));
      Check.Result r = new Check(repo, root.threads).expecting(anchor).run(readData);
      if (root.json) {
        JsonArrayBuilder problems = Json.createArrayBuilder();
        r.problems().forEach(problems::add);
        JsonArrayBuilder affected = Json.createArrayBuilder();
        r.affected().forEach(affected::add);
        JsonArrayBuilder notes = Json.createArrayBuilder();
        r.notes().forEach(notes::add);
        var doc =
            Json.createObjectBuilder()
                .add("ok", r.ok())
                .add("keyless", !repo.hasKeys())
                .add("packs", r.packs())
                .add("snapshots", r.snapshots())
                .add("bytesRead", r.bytesRead())
                .add("problems", problems)
                .add("affectedFiles", affected)
                .add("notes", notes)
                .add(
                    "ledger",
                    Json.createObjectBuilder()
                        .add("generation", r.ledger().generation())
                        .add("head", r.ledger().head())
                        .add("highestSequence", r.ledger().highestSequence()));
        if (repaired != null) {
          JsonArrayBuilder actions = Json.createArrayBuilder();
          repaired.actions().forEach(actions::add);
          JsonArrayBuilder left = Json.createArrayBuilder();
          repaired.left().forEach(left::add);
          doc.add("repaired", actions).add("notRepaired", left);
        }
        out.json(doc);
      } else {
        r.problems().forEach(p -> err.println("error: " + p));
        r.affected().forEach(f -> err.println("affected file: " + f));
        r.notes().forEach(n -> err.println("note: " + n));
        if (r.ledger().generation() > 0) {
          out.line(
              String.format(
                  "ledger: generation %d, head %s, highest sequence %d",
                  r.ledger().generation(), r.ledger().head(), r.ledger().highestSequence()));
        }
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
