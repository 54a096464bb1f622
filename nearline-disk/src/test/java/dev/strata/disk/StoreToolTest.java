package dev.strata.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreToolTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        StoreTool.run(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void initialisesANewDirectoryAndShowsTheStore() throws Exception {
    Path target = dir.resolve("disk1");
    Run init = run("init", target.toString());
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(init.out()).startsWith("pack store at file:" + target + ": id ");
    assertThat(target.resolve("strata-store")).exists();
    String id =
        LocalPackStore.open(target, java.time.Clock.systemUTC(), new java.util.SplittableRandom(1))
            .marker()
            .id()
            .toString();
    Run show = run("show", target.toUri().toString());
    assertThat(show.exit()).isZero();
    assertThat(show.out()).contains("id " + id, "format version 1", "created ");
  }

  @Test
  void refusesADirectoryOfOtherFilesAndShowsNothingWhereNoStoreIs() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    Run init = run("init", dir.toString());
    assertThat(init.exit()).isEqualTo(1);
    assertThat(init.err()).contains("will not initialise a pack store", "notes.txt");
    Run show = run("show", dir.toString());
    assertThat(show.exit()).isEqualTo(1);
    assertThat(show.err()).contains("no pack store at");
    try (var entries = Files.list(dir)) {
      assertThat(entries).containsExactly(dir.resolve("notes.txt"));
    }
    assertThat(run("format", dir.toString()).exit()).isEqualTo(2);
  }
}
