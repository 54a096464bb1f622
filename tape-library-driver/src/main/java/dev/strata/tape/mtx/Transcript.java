package dev.strata.tape.mtx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A recorded sequence of commands and their outcomes, as text: {@code $ } and the command's
 * arguments separated by single spaces, {@code = } and the exit code, then one line per line of
 * output — {@code > } for standard output, {@code ! } for standard error — and a blank line. Lines
 * starting with {@code #} before an entry are comments (where the recording came from).
 */
public final class Transcript {
  /** One command and what it returned. */
  public record Entry(List<String> command, CommandRunner.Result result) {}

  private Transcript() {}

  public static List<Entry> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  static List<Entry> parse(String text, String source) throws IOException {
    List<Entry> entries = new ArrayList<>();
    List<String> command = null;
    Integer exit = null;
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int n = 0;
    for (String line : (text + "\n").split("\n", -1)) {
      n++;
      if (line.startsWith("$ ")) {
        command = Arrays.asList(line.substring(2).split(" "));
        exit = null;
        out.setLength(0);
        err.setLength(0);
      } else if (line.startsWith("= ") && command != null) {
        exit = Integer.parseInt(line.substring(2).strip());
      } else if (line.startsWith("> ") || line.equals(">")) {
        out.append(line.length() > 2 ? line.substring(2) : "").append('\n');
      } else if (line.startsWith("! ") || line.equals("!")) {
        err.append(line.length() > 2 ? line.substring(2) : "").append('\n');
      } else if (line.isEmpty() && command != null) {
        if (exit == null) {
          throw new IOException(source + ":" + n + ": entry without '= exit code'");
        }
        entries.add(
            new Entry(
                List.copyOf(command),
                new CommandRunner.Result(exit, out.toString(), err.toString())));
        command = null;
      } else if (!line.isEmpty() && !line.startsWith("#")) {
        throw new IOException(source + ":" + n + ": unexpected line '" + line + "'");
      }
    }
    return entries;
  }

  /** Appends one entry to a transcript file (creating it), as the recorders do. */
  public static void append(Path file, Entry e) throws IOException {
    Files.writeString(
        file,
        format(e),
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  static String format(Entry e) {
    StringBuilder sb = new StringBuilder("$ ").append(String.join(" ", e.command())).append('\n');
    sb.append("= ").append(e.result().exitCode()).append('\n');
    lines(sb, "> ", e.result().stdout());
    lines(sb, "! ", e.result().stderr());
    return sb.append('\n').toString();
  }

  private static void lines(StringBuilder sb, String prefix, String text) {
    if (text.isEmpty()) {
      return;
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    for (String l : body.split("\n", -1)) {
      sb.append(prefix).append(l).append('\n');
    }
  }
}
