package dev.strata.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.ChildJvm;
import dev.strata.agent.Trees;
import dev.strata.agent.repo.Repos;
import dev.strata.disk.PackStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a terminal, a backup draws a progress line; without one (every other test) it prints no
 * control characters. The terminal is a real pseudo-terminal from util-linux's {@code script}.
 */
class TerminalProgressTest {
  @TempDir Path dir;

  @Test
  void drawsProgressOnATerminalOnly() throws Exception {
    Path src = Trees.mixed(dir);
    Path repoDir = dir.resolve("repo");
    try (PackStores.Opened store = Repos.store(repoDir)) {
      Repos.init(store.store());
    }
    String command =
        String.join(
            " ",
            ChildJvm.command(
                StrataCommand.class, "backup", "--repo", repoDir.toString(), src.toString()));
    ProcessBuilder pb = new ProcessBuilder("script", "-q", "-e", "-c", command, "/dev/null");
    pb.environment().put("STRATA_PASSWORD", new String(Repos.PASS));
    pb.redirectErrorStream(true);
    Path log = dir.resolve("terminal.log");
    pb.redirectOutput(log.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.PIPE);
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("\r\033[K[0:00:0", " files, ").containsPattern("[0-9a-f]{64}");

    Cli.Run plain = new Cli(repoDir, new String(Repos.PASS)).run("backup", src.toString());
    assertThat(plain.out() + plain.err()).doesNotContain("\033").doesNotContain("\r");
  }
}
