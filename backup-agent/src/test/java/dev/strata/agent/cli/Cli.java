package dev.strata.agent.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process with a given environment and captures what it prints. */
public final class Cli {
  public record Run(int exit, String out, String err) {
    public String lastLine() {
      String[] lines = out.strip().split("\n");
      return lines[lines.length - 1];
    }
  }

  private final Map<String, String> env = new HashMap<>();
  private final String repo;

  public Cli(Path repo, String password) {
    this(repo.toString(), password, Map.of());
  }

  /** A command line for a repository at any location, with more environment variables. */
  public Cli(String repo, String password, Map<String, String> environment) {
    this.repo = repo;
    env.putAll(environment);
    env.put("USER", "tester");
    env.put("HOSTNAME", "testhost");
    if (password != null) {
      env.put("STRATA_PASSWORD", password);
    }
  }

  public Cli withPassword(String password) {
    Cli c = new Cli(repo, password, Map.of());
    env.forEach(c.env::putIfAbsent);
    if (password == null) {
      c.env.remove("STRATA_PASSWORD");
    }
    return c;
  }

  public Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, "--repo");
    all.add(2, repo);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        StrataCommand.run(
            env,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }
}
