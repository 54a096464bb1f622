package dev.strata.agent.cli;

import dev.strata.agent.repo.Repository;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;

/** Where a command's results go: text lines, or one JSON document with {@code --json}. */
final class Output {
  private final PrintWriter out;
  private final PrintWriter err;

  Output(StrataCommand root) {
    this.out = root.spec().commandLine().getOut();
    this.err = root.spec().commandLine().getErr();
  }

  /**
   * Names, on standard error, each object the command skipped because it could not be read (text
   * and JSON alike: the JSON document on standard output stays the command's result).
   */
  void skipped(Repository repo) {
    repo.damaged().forEach((name, why) -> err.println("note: skipped " + name + ": " + why));
    err.flush();
  }

  void line(String s) {
    out.println(s);
    out.flush();
  }

  void json(JsonObjectBuilder b) {
    out.println(b.build().toString());
    out.flush();
  }
}
