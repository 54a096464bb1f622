package dev.strata.controlcenter.ear;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deploys the EAR to the full Payara Server (which, unlike Payara Micro, takes EARs) in a domain of
 * its own on free ports, and checks that the wiring across its modules holds: health is UP, the
 * embedded pool was provisioned by the EJB module, the REST API in the web module answers, and the
 * Quartz job (created through CDI inside the EJB module) probes targets.
 */
class PayaraServerEarSmokeIT {
  private static final String DOMAIN = "strata-smoke";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Path home;
  private static Path work;
  private static int portBase;
  private static URI root;

  @BeforeAll
  static void startDomainAndDeploy() throws Exception {
    home = Path.of(System.getProperty("payara.server.home"));
    work = Path.of(System.getProperty("strata.it.dir")).resolve("ear-smoke");
    org.apache.commons.io.file.PathUtils.deleteDirectory(
        work.toFile().exists() ? work : Files.createDirectories(work));
    Files.createDirectories(work);
    portBase = freePortBase();
    root = URI.create("http://127.0.0.1:" + (portBase + 80) + "/");

    asadmin("delete-domain", "--domaindir", work.resolve("domains").toString(), DOMAIN);
    check(
        asadmin(
            "create-domain",
            "--domaindir",
            work.resolve("domains").toString(),
            "--portbase",
            Integer.toString(portBase),
            "--nopassword",
            "true",
            DOMAIN));
    check(asadmin("start-domain", "--domaindir", work.resolve("domains").toString(), DOMAIN));
    check(
        asadmin(
            "--port",
            Integer.toString(portBase + 48),
            "deploy",
            "--name",
            "strata-control-center",
            System.getProperty("strata.ear")));
  }

  @AfterAll
  static void stopDomain() throws Exception {
    if (work != null) {
      asadmin(
          "stop-domain",
          "--domaindir",
          work.resolve("domains").toString(),
          "--kill",
          "true",
          DOMAIN);
    }
  }

  @Test
  void earAnswersHealthApiAndRunsItsScheduledProbes() {
    JsonObject health =
        poll(
            "/health UP",
            () -> {
              Reply r = get("api/v1/health");
              return r.status == 200 && r.body.contains("\"UP\"") ? json(r.body) : null;
            });
    assertThat(health.getJsonArray("checks").getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("name"))
        .contains("catalog", "scheduler");
    assertThat(anonymous("api/v1/data-centers").status).isEqualTo(401);

    Reply dcs = get("api/v1/data-centers");
    assertThat(dcs.status).as(dcs.body).isEqualTo(200);
    JsonArray list = json(dcs.body).getJsonArray("items");
    assertThat(list.getValuesAs(JsonObject.class))
        .extracting(d -> d.getString("id"))
        .contains("local");

    JsonObject probes =
        poll(
            "a scheduled probe of local-disk",
            () -> {
              JsonObject p = json(get("api/v1/targets/local-disk/probes").body);
              return p.getJsonArray("items").isEmpty() ? null : p;
            });
    assertThat(probes.getJsonArray("items").getJsonObject(0).getString("outcome"))
        .isIn("OK", "DEGRADED");

    Reply bad = get("api/v1/targets?kind=FLOPPY");
    assertThat(bad.status).isEqualTo(400);
    assertThat(bad.contentType).startsWith("application/problem+json");
  }

  private record Reply(int status, String contentType, String body) {}

  /** A request as the initial administrator (its password is in the data directory). */
  private static Reply get(String path) {
    String password;
    try {
      password = Files.readString(work.resolve("data").resolve("initial-admin-password")).strip();
    } catch (IOException e) {
      return new Reply(-1, "", e.toString());
    }
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                ("admin:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(root.resolve(path)).header("Authorization", "Basic " + basic));
  }

  private static Reply anonymous(String path) {
    return send(HttpRequest.newBuilder(root.resolve(path)));
  }

  private static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      return new Reply(-1, "", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private static <T> T poll(String what, java.util.function.Supplier<T> probe) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      T v;
      try {
        v = probe.get();
      } catch (RuntimeException e) {
        v = null;
      }
      if (v != null) {
        return v;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
    }
  }

  /** A port base whose admin (+48) and HTTP (+80) ports are both free. */
  private static int freePortBase() throws IOException {
    for (int base = 27000; base < 40000; base += 100) {
      if (free(base + 48) && free(base + 80) && free(base + 81) && free(base + 86)) {
        return base;
      }
    }
    throw new IllegalStateException("no free port base for the smoke domain");
  }

  private static boolean free(int port) {
    try (ServerSocket s = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private record Result(int exit, String output) {}

  private static void check(Result r) {
    assertThat(r.exit).as(r.output).isZero();
  }

  private static Result asadmin(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(home.resolve("bin/asadmin").toString());
    cmd.add("--interactive=false");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("AS_JAVA", System.getProperty("java.home"));
    env.put("STRATA_DATA_DIR", work.resolve("data").toString());
    env.put("STRATA_PROBE_INTERVAL_SECONDS", "2");
    env.put("STRATA_PROBE_BYTES", "65536");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("asadmin " + String.join(" ", args) + " did not finish");
    }
    return new Result(p.exitValue(), "asadmin " + String.join(" ", args) + ":\n" + out);
  }
}
