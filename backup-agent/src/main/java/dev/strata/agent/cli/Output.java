package dev.strata.agent.cli;

import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;

/** Where a command's results go: text lines, or one JSON document with {@code --json}. */
final class Output {
  private final PrintWriter out;

  Output(StrataCommand root) {
    this.out = root.spec().commandLine().getOut();
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
