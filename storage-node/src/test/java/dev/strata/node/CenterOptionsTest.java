package dev.strata.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code strata node --center} starts or refuses to: options that exclude each other, a first
 * start without a token, and a center that cannot be reached (tried for a bounded time, then a
 * clear failure). Enrolment and heartbeats against a real control center are tested in the control
 * center's integration tests, which start this node as a process.
 */
class CenterOptionsTest {
  @TempDir Path dir;

  record Run(int status, String err) {}

  static synchronized Run run(String... args) {
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return new Run(NodeMain.run(args), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(saved);
    }
  }

  String[] node(String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "--data-center",
                "dc2",
                "--data",
                dir.resolve("node").toString(),
                "--port",
                "0",
                "--probe-interval",
                "PT0S"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void aCenterAndACenterKeyExcludeEachOther() throws Exception {
    Path key = dir.resolve("center.pub");
    Files.writeString(key, "strata-grant-key-v1 public " + "A".repeat(43) + "=\n");
    Run r = run(node("--center", "http://127.0.0.1:1/", "--center-key", key.toString()));
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--center and --center-key exclude each other");
    assertThat(run(node()).err()).contains("give --center URL");
    assertThat(run(node("--center-key", key.toString(), "--enrolment-token", "t")).err())
        .contains("need --center");
    assertThat(run(node("--center", "ftp://x/", "--enrolment-token", "t")).err())
        .contains("http(s)://host");
    assertThat(dir.resolve("node")).doesNotExist();
  }

  @Test
  void aFirstStartWithoutATokenSaysHowToGetOne() {
    Run r = run(node("--center", "http://127.0.0.1:1/"));
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .contains("has not enrolled with http://127.0.0.1:1/ yet")
        .contains("--enrolment-token-file")
        .contains("POST /api/v1/data-centers/dc2/enrolment-tokens");
    Run missing =
        run(
            node(
                "--center",
                "http://127.0.0.1:1/",
                "--enrolment-token-file",
                dir.resolve("nope").toString()));
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist");
  }

  @Test
  void anUnreachableCenterIsTriedForABoundedTimeThenTheStartFailsClearly() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort(); // nothing listens there once closed
    }
    Path token = dir.resolve("token");
    Files.writeString(token, "sen_0123456789abcdef_" + "x".repeat(43) + "\n");
    long started = System.nanoTime();
    Run r =
        run(
            node(
                "--center",
                "http://127.0.0.1:" + closed + "/",
                "--enrolment-token-file",
                token.toString(),
                "--enrolment-timeout",
                "PT3S"));
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err())
        .contains("trying again for up to 3 s")
        .contains("cannot reach the control center at http://127.0.0.1:" + closed)
        .doesNotContain("sen_0123456789abcdef");
    assertThat(seconds).isBetween(1L, 30L);
    assertThat(dir.resolve("node/enrolment")).doesNotExist();
    // The node let go of its data directory: it starts again there.
    assertThat(run(node("--center", "http://127.0.0.1:" + closed + "/")).err())
        .contains("has not enrolled");
  }
}
