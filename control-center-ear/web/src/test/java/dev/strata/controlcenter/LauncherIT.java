package dev.strata.controlcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;

/**
 * {@code ./strata server} as a user runs it, on the WAR this build packaged: it starts (a leftover
 * line once made it die with "PREBOOT: command not found" before Java ran), says where the initial
 * administrator's password is, keeps the data directory to its owner, rotates an earlier log, and
 * runs the local data center's storage node beside the center, enrolled, live, and stopped with it.
 */
class LauncherIT {

  private static Path repository() {
    return Path.of(System.getProperty("basedir", "."))
        .toAbsolutePath()
        .resolve("../..")
        .normalize();
  }

  /** A free port whose neighbour ten up (the local node's by default) is free too. */
  private static int freePort() throws IOException {
    while (true) {
      try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        if (s.getLocalPort() > 65525) {
          continue;
        }
        try (ServerSocket n =
            new ServerSocket(s.getLocalPort() + 10, 1, java.net.InetAddress.getLoopbackAddress())) {
          return s.getLocalPort();
        } catch (IOException taken) {
          // try another
        }
      }
    }
  }

  @Test
  void startsTheControlCenterAndKeepsItsDataToItsOwner() throws Exception {
    Path data = Path.of(System.getProperty("strata.it.dir")).resolve("launcher");
    if (Files.exists(data)) {
      PathUtils.deleteDirectory(data);
    }
    // The log of an earlier run (whose error references must keep pointing somewhere) is rotated,
    // never truncated.
    Files.createDirectories(data.resolve("logs"));
    Files.writeString(data.resolve("logs/control-center.log"), "an earlier run's log\n");
    int port = freePort();
    Process launcher =
        new ProcessBuilder(
                repository().resolve("strata").toString(),
                "server",
                "--no-build",
                "--port",
                Integer.toString(port),
                "--data",
                data.toString())
            .redirectErrorStream(true)
            .start();
    List<String> output = new ArrayList<>();
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  synchronized (output) {
                    output.add(line);
                  }
                  if (line.contains("Ctrl-C stops")) { // the last line: the node is up too
                    ready.complete(true);
                  }
                }
              } catch (IOException e) {
                // the launcher ended
              }
              ready.complete(false);
            });
    reader.setDaemon(true);
    reader.start();
    try {
      assertThat(ready.get(300, TimeUnit.SECONDS)).as("the launcher's output: %s", output).isTrue();
      synchronized (output) {
        assertThat(output)
            .anySatisfy(l -> assertThat(l).contains("control center ready at"))
            .anySatisfy(
                l -> assertThat(l).contains(data.resolve("initial-admin-password").toString()));
      }
      Api.Reply health = new Api(URI.create("http://127.0.0.1:" + port + "/")).get("/health/ready");
      assertThat(health.status()).isEqualTo(200);

      assertThat(Files.getPosixFilePermissions(data))
          .as("the data directory")
          .doesNotContain(
              PosixFilePermission.GROUP_READ,
              PosixFilePermission.GROUP_EXECUTE,
              PosixFilePermission.OTHERS_READ,
              PosixFilePermission.OTHERS_EXECUTE);
      Set<PosixFilePermission> othersAndGroup =
          Set.of(
              PosixFilePermission.GROUP_READ,
              PosixFilePermission.GROUP_WRITE,
              PosixFilePermission.OTHERS_READ,
              PosixFilePermission.OTHERS_WRITE);
      try (Stream<Path> files = Files.walk(data.resolve("catalog"))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertThat(Files.getPosixFilePermissions(f))
              .as(f.toString())
              .doesNotContainAnyElementsOf(othersAndGroup);
        }
      }
      assertThat(Files.getPosixFilePermissions(data.resolve("logs/control-center.log")))
          .doesNotContainAnyElementsOf(othersAndGroup);
      assertThat(data.resolve("logs/control-center.log.1")).hasContent("an earlier run's log");
      assertThat(Files.readString(data.resolve("logs/control-center.log")))
          .doesNotContain("an earlier run's log");

      // The local data center's storage node runs beside the center: enrolled with the token the
      // center wrote (spent, removed, never logged), its VTL and disk live in the pool.
      synchronized (output) {
        assertThat(output)
            .anySatisfy(
                l ->
                    assertThat(l)
                        .contains(
                            "storage node local-node of data center 'local' at http://127.0.0.1:"
                                + (port + 10)
                                + "/"));
      }
      assertThat(data.resolve("node-enrolment-token")).doesNotExist();
      assertThat(Files.getPosixFilePermissions(data.resolve("node/enrolment")))
          .doesNotContainAnyElementsOf(othersAndGroup);
      Api admin =
          new Api(
              URI.create("http://127.0.0.1:" + port + "/"),
              Api.basic("admin", Files.readString(data.resolve("initial-admin-password")).strip()));
      Poll.until(
          Duration.ofSeconds(120),
          "the local node's disk and VTL probed by the node and live in the pool",
          () -> {
            List<jakarta.json.JsonObject> nodes =
                admin.get("api/v1/nodes").array().getValuesAs(jakarta.json.JsonObject.class);
            boolean live =
                nodes.stream()
                    .anyMatch(
                        n ->
                            n.getString("name").equals("local-node")
                                && n.getString("dataCenter").equals("local")
                                && !n.getBoolean("late")
                                && n.getJsonArray("targets").toString().contains("local-node-disk")
                                && n.getJsonArray("targets").toString().contains("local-node-vtl"));
            return live && probed(admin, "local-node-disk") && probed(admin, "local-node-vtl")
                ? Boolean.TRUE
                : null;
          });
      assertThat(
              admin
                  .get("api/v1/pool?dataCenter=local")
                  .array()
                  .getValuesAs(jakarta.json.JsonObject.class))
          .extracting(t -> t.getString("target") + ":" + t.getString("state"))
          .containsExactlyInAnyOrder("local-node-disk:ACTIVE", "local-node-vtl:ACTIVE");
      assertThat(admin.get("api/v1/targets/local-disk").status())
          .as("the center keeps no devices of its own beside the node's")
          .isEqualTo(404);
      for (String log : List.of("control-center.log", "storage-node.log")) {
        assertThat(Files.readString(data.resolve("logs").resolve(log)))
            .as(log)
            .doesNotContain("sen_");
      }
    } finally {
      launcher.destroy(); // SIGTERM: the launcher stops the server it started
      if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
        launcher.destroyForcibly();
      }
    }
    for (int p : List.of(port, port + 10)) {
      Poll.until(
          Duration.ofSeconds(60),
          "the server and its node stopped with their launcher (port " + p + ")",
          () -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", p)) {
              return false;
            } catch (IOException refused) {
              return true;
            }
          });
    }
  }

  /** Whether the target's latest probe, made by its node, found it reachable and working. */
  private static boolean probed(Api admin, String target) {
    Api.Reply r = admin.get("api/v1/targets/" + target);
    if (r.status() != 200 || r.json().getJsonObject("latestProbe") == null) {
      return false;
    }
    String outcome = r.json().getJsonObject("latestProbe").getString("outcome");
    return outcome.equals("OK") || outcome.equals("DEGRADED");
  }
}
