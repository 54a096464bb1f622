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
 * administrator's password is, and keeps the data directory to its owner.
 */
class LauncherIT {

  private static Path repository() {
    return Path.of(System.getProperty("basedir", "."))
        .toAbsolutePath()
        .resolve("../..")
        .normalize();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void startsTheControlCenterAndKeepsItsDataToItsOwner() throws Exception {
    Path data = Path.of(System.getProperty("strata.it.dir")).resolve("launcher");
    if (Files.exists(data)) {
      PathUtils.deleteDirectory(data);
    }
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
    CompletableFuture<Boolean> ready =
        CompletableFuture.supplyAsync(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  synchronized (output) {
                    output.add(line);
                  }
                  if (line.contains("initial-admin-password")) {
                    return true;
                  }
                }
                return false;
              } catch (IOException e) {
                return false;
              }
            });
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
    } finally {
      launcher.destroy(); // SIGTERM: the launcher stops the server it started
      if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
        launcher.destroyForcibly();
      }
    }
    Poll.until(
        Duration.ofSeconds(60),
        "the server stopped with its launcher",
        () -> {
          try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            return false;
          } catch (IOException refused) {
            return true;
          }
        });
  }
}
