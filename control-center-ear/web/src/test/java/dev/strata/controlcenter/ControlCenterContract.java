package dev.strata.controlcenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.disk.PackStores;
import dev.strata.disk.StoreSettings;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.commons.io.file.PathUtils;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The control center's REST slice, end to end through HTTP against a real Payara Micro with a real
 * catalog. Each subclass deploys the same WAR against another database. Every test makes its own
 * data (unique ids), so they run in any order.
 */
@RunAsClient
abstract class ControlCenterContract {

  @ArquillianResource URL base;

  /** The WAR that {@code mvn package} built, exactly as it ships, on a fresh data directory. */
  static WebArchive shippedWar(String dataDirName) {
    Path dataDir = Path.of(System.getProperty("strata.it.dir")).resolve(dataDirName);
    try {
      if (Files.exists(dataDir)) {
        PathUtils.deleteDirectory(dataDir);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("strata.war")));
  }

  Api api() {
    return new Api(URI.create(base.toExternalForm()));
  }

  /** The server root (health, metrics and openapi live there, not under the context). */
  Api server() {
    URI u = URI.create(base.toExternalForm());
    return new Api(URI.create(u.getScheme() + "://" + u.getAuthority() + "/"));
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static void assertProblem(Api.Reply r, int status, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonObject p = r.json();
    assertThat(p.getInt("status")).isEqualTo(status);
    assertThat(p.getString("title")).isNotBlank();
    assertThat(p.getString("type")).isNotBlank();
    if (field != null) {
      assertThat(p.getJsonArray("errors").getValuesAs(JsonObject.class))
          .extracting(e -> e.getString("field"))
          .contains(field);
    }
  }

  String createDataCenter(String id) {
    Api.Reply r =
        api()
            .post(
                "api/v1/data-centers",
                "{\"id\":\"" + id + "\",\"link\":\"WAN\",\"location\":\"Frankfurt\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return id;
  }

  /** Registers a target; {@code extraFields} is appended to the JSON object as it is. */
  Api.Reply registerTarget(String id, String dc, String kind, String endpoint, String extraFields) {
    return api()
        .post(
            "api/v1/targets",
            "{\"id\":\""
                + id
                + "\",\"dataCenter\":\""
                + dc
                + "\",\"kind\":\""
                + kind
                + "\",\"endpoint\":\""
                + endpoint
                + "\""
                + extraFields
                + "}");
  }

  Api.Reply registerDisk(String id, String dc, Path dir, String extraFields) {
    return registerTarget(id, dc, "DISK", dir.toUri().toString(), extraFields);
  }

  @Test
  void embeddedDefaultProvisionsLocalWithAVtlAndADisk() {
    Api.Reply r = api().get("api/v1/data-centers/local");
    assertThat(r.status()).isEqualTo(200);
    JsonObject local = r.json();
    assertThat(local.getString("link")).isEqualTo("LOCAL");
    assertThat(local.getJsonArray("targets").getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("id") + ":" + t.getString("kind"))
        .contains("local-vtl:VTL", "local-disk:DISK");
    assertThat(api().get("api/v1/data-centers").array().getValuesAs(JsonObject.class))
        .extracting(d -> d.getString("id"))
        .contains("local");
  }

  @Test
  void scheduledProbesRecordAGrowingHistory() {
    JsonObject page =
        Poll.until(
            Duration.ofSeconds(60),
            "two scheduled probes of local-disk",
            () -> {
              JsonObject p = api().get("api/v1/targets/local-disk/probes?limit=5").json();
              return p.getJsonArray("items").size() >= 2 ? p : null;
            });
    JsonObject newest = page.getJsonArray("items").getJsonObject(0);
    assertThat(newest.getString("outcome")).isIn("OK", "DEGRADED");
    assertThat(newest.getJsonNumber("probeBytes").longValue()).isEqualTo(65536);
    assertThat(newest.getJsonNumber("freeBytes").longValue()).isPositive();
    assertThat(newest.containsKey("writeMicros")).isTrue();
    JsonObject older = page.getJsonArray("items").getJsonObject(1);
    assertThat(older.getJsonNumber("id").longValue())
        .isLessThan(newest.getJsonNumber("id").longValue());

    JsonObject target = api().get("api/v1/targets/local-disk").json();
    assertThat(target.getJsonObject("latestProbe").getString("outcome")).isIn("OK", "DEGRADED");
  }

  @Test
  void theEmbeddedVtlIsProbedForItsInventoryButNotRatedAsTested() {
    JsonObject vtl =
        Poll.until(
            Duration.ofSeconds(60),
            "a probe of local-vtl",
            () -> {
              JsonObject t = api().get("api/v1/targets/local-vtl").json();
              return t.containsKey("latestProbe") ? t : null;
            });
    JsonObject probe = vtl.getJsonObject("latestProbe");
    // Drive I/O is not emulated yet: the library answers with its inventory and capacity, and
    // the pool says that no data-path test was made instead of rating it OK.
    assertThat(probe.getString("outcome")).isEqualTo("DEGRADED");
    assertThat(probe.getString("detail"))
        .contains("2 drive(s)", "24 slots", "21 cartridge(s) of LTO9", "no data-path test");
    assertThat(probe.getJsonNumber("totalBytes").longValue()).isEqualTo(20L * 1_800_000_000L);
  }

  @Test
  void dataCentersAndTargetsAreCreatedReadUpdatedAndListed() throws Exception {
    String dc = createDataCenter(unique("dc"));
    Path disk = Files.createTempDirectory("strata-it-disk");
    String id = unique("disk");

    Api.Reply created = registerDisk(id, dc, disk, ",\"capacityBytes\":1000000000");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith("/api/v1/targets/" + id);
    assertThat(created.json().getString("state")).isEqualTo("POTENTIAL");
    assertThat(created.json().getString("mediaClass")).isEqualTo("DISK");

    Api.Reply read = api().get("api/v1/targets/" + id);
    assertThat(read.status()).isEqualTo(200);
    String etag = read.header("ETag");
    assertThat(etag).isEqualTo("\"0\"");

    Api.Reply updated =
        api()
            .put(
                "api/v1/targets/" + id,
                "{\"name\":\"Array 1\",\"endpoint\":\"" + disk.toUri() + "\",\"state\":\"ACTIVE\"}",
                etag);
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().getString("name")).isEqualTo("Array 1");
    assertThat(updated.json().getString("state")).isEqualTo("ACTIVE");
    assertThat(updated.json().containsKey("capacityBytes")).isFalse();
    assertThat(updated.header("ETag")).isEqualTo("\"1\"");

    Api.Reply stale =
        api()
            .put(
                "api/v1/targets/" + id,
                "{\"endpoint\":\"" + disk.toUri() + "\",\"state\":\"RETIRED\"}",
                etag);
    assertProblem(stale, 412, "If-Match");

    assertThat(api().get("api/v1/targets?dataCenter=" + dc).array().getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("id"))
        .containsExactly(id);
    assertThat(
            api()
                .get("api/v1/targets?kind=DISK&state=ACTIVE")
                .array()
                .getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("id"))
        .contains(id, "local-disk");
    JsonObject dcView = api().get("api/v1/data-centers/" + dc).json();
    assertThat(dcView.getJsonArray("targets")).hasSize(1);

    Api.Reply dcUpdated =
        api()
            .put(
                "api/v1/data-centers/" + dc,
                "{\"name\":\"Frankfurt 1\",\"link\":\"FIBRE_CHANNEL\"}",
                null);
    assertThat(dcUpdated.status()).as(dcUpdated.body()).isEqualTo(200);
    assertThat(dcUpdated.json().getString("link")).isEqualTo("FIBRE_CHANNEL");
    assertThat(dcUpdated.json().containsKey("location")).isFalse();
  }

  @Test
  void probeNowMeasuresATargetAndRecordsIt() throws Exception {
    String dc = createDataCenter(unique("dc"));
    Path disk = Files.createTempDirectory("strata-it-probe");
    String id = unique("disk");
    assertThat(registerDisk(id, dc, disk, "").status()).isEqualTo(201);

    // a directory that is no pack store is reported, and nothing is created there
    Api.Reply notAStore = api().post("api/v1/targets/" + id + "/probes", "");
    assertThat(notAStore.json().getString("outcome")).isEqualTo("UNREACHABLE");
    assertThat(notAStore.json().getString("detail")).contains("no pack store", "strata-store");
    assertThat(disk).isEmptyDirectory();
    PackStores.initialise(
            disk.toUri(), StoreSettings.defaults(Clock.systemUTC(), new SplittableRandom(1)))
        .close();

    Api.Reply probe = api().post("api/v1/targets/" + id + "/probes", "");
    assertThat(probe.status()).as(probe.body()).isEqualTo(201);
    assertThat(probe.json().getString("outcome")).isIn("OK", "DEGRADED");
    assertThat(probe.json().getJsonNumber("readBytesPerSecond").longValue()).isPositive();

    PathUtils.deleteDirectory(disk);
    Api.Reply gone = api().post("api/v1/targets/" + id + "/probes", "");
    assertThat(gone.json().getString("outcome")).isEqualTo("UNREACHABLE");
    assertThat(gone.json().getString("detail")).contains("no directory");

    List<JsonObject> history =
        api()
            .get("api/v1/targets/" + id + "/probes?limit=1")
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertThat(history).hasSize(1);
    assertThat(history.get(0).getString("outcome")).isEqualTo("UNREACHABLE");
    long next =
        api()
            .get("api/v1/targets/" + id + "/probes?limit=1")
            .json()
            .getJsonNumber("next")
            .longValue();
    List<JsonObject> older =
        api()
            .get("api/v1/targets/" + id + "/probes?limit=5&before=" + next)
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertThat(older).isNotEmpty();
    assertThat(older.get(0).getJsonNumber("id").longValue()).isLessThan(next);
  }

  @Test
  void aTargetOfAKindWithoutDriverIsRecordedAsNoDriver() {
    String dc = createDataCenter(unique("dc"));
    String id = unique("lib");
    assertThat(registerTarget(id, dc, "TAPE_LIBRARY", "mtx:/dev/sg9", "").status()).isEqualTo(201);
    Api.Reply probe = api().post("api/v1/targets/" + id + "/probes", "");
    assertThat(probe.status()).isEqualTo(201);
    assertThat(probe.json().getString("outcome")).isEqualTo("NO_DRIVER");
  }

  @Test
  void malformedJsonIsABadRequestNamingTheBody() {
    assertProblem(api().post("api/v1/data-centers", "{\"id\": \"x\", "), 400, "body");
    assertProblem(api().post("api/v1/data-centers", "[1,2]"), 400, "body");
    assertProblem(api().post("api/v1/data-centers", ""), 400, "body");
  }

  @Test
  void unknownEnumValuesMissingFieldsAndUnknownFieldsAreNamed() {
    Api.Reply r =
        api()
            .post(
                "api/v1/data-centers",
                "{\"id\":\"" + unique("dc") + "\",\"link\":\"PIGEON\",\"colour\":\"red\"}");
    assertProblem(r, 400, "link");
    assertProblem(r, 400, "colour");
    assertProblem(api().post("api/v1/data-centers", "{\"link\":\"WAN\"}"), 400, "id");
    assertProblem(
        api().post("api/v1/targets", "{\"id\":\"t\",\"dataCenter\":\"local\",\"kind\":\"DISK\"}"),
        400,
        "endpoint");
    assertProblem(api().post("api/v1/data-centers", "{\"id\":42,\"link\":\"WAN\"}"), 400, "id");
  }

  @Test
  void outOfRangeNumbersAndBadShapesAreNamed() {
    String base =
        "{\"id\":\""
            + unique("t")
            + "\",\"dataCenter\":\"local\",\"kind\":\"DISK\",\"endpoint\":\"file:/tmp\",";
    assertProblem(
        api().post("api/v1/targets", base + "\"capacityBytes\":0}"), 400, "capacityBytes");
    assertProblem(
        api().post("api/v1/targets", base + "\"capacityBytes\":1e40}"), 400, "capacityBytes");
    assertProblem(
        api().post("api/v1/targets", base + "\"capacityBytes\":1.5}"), 400, "capacityBytes");
    assertProblem(
        api()
            .post(
                "api/v1/targets",
                "{\"id\":\"Bad Id\",\"dataCenter\":\"local\",\"kind\":\"DISK\",\"endpoint\":\"file:/tmp\"}"),
        400,
        "id");
    assertProblem(
        api()
            .post(
                "api/v1/targets",
                "{\"id\":\""
                    + unique("t")
                    + "\",\"dataCenter\":\"local\",\"kind\":\"DISK\",\"endpoint\":\"s3://bucket\"}"),
        400,
        "endpoint");
    assertProblem(api().get("api/v1/targets/local-disk/probes?limit=0"), 400, "limit");
    assertProblem(api().get("api/v1/targets/local-disk/probes?limit=x"), 400, "limit");
    assertProblem(api().get("api/v1/targets?kind=FLOPPY"), 400, "kind");
    assertProblem(
        api()
            .put(
                "api/v1/targets/local-disk",
                "{\"endpoint\":\"file:/tmp\",\"state\":\"ACTIVE\"}",
                "7"),
        400,
        "If-Match");
  }

  @Test
  void unknownIdsAreNotFoundAndDuplicatesConflict() {
    assertProblem(api().get("api/v1/data-centers/nowhere"), 404, null);
    assertProblem(api().get("api/v1/targets/nothing"), 404, null);
    assertProblem(api().get("api/v1/targets/NOT..VALID"), 404, null);
    assertProblem(api().get("api/v1/targets/nothing/probes"), 404, null);
    assertProblem(api().post("api/v1/targets/nothing/probes", ""), 404, null);
    assertProblem(api().get("api/v1/targets?dataCenter=nowhere"), 404, null);
    assertProblem(
        api()
            .post(
                "api/v1/targets",
                "{\"id\":\""
                    + unique("t")
                    + "\",\"dataCenter\":\"nowhere\",\"kind\":\"DISK\",\"endpoint\":\"file:/tmp\"}"),
        404,
        null);
    String dc = createDataCenter(unique("dc"));
    assertProblem(
        api().post("api/v1/data-centers", "{\"id\":\"" + dc + "\",\"link\":\"WAN\"}"), 409, "id");
  }

  @Test
  void protocolErrorsAreProblemsToo() {
    assertProblem(api().get("api/v1/no-such-resource"), 404, null);
    assertProblem(api().get("no-such-page.html"), 404, null);
    assertProblem(
        api()
            .send(
                HttpRequest.newBuilder(
                        URI.create(base.toExternalForm()).resolve("api/v1/targets/local-disk"))
                    .DELETE()),
        405,
        null);
    assertProblem(
        api()
            .send(
                HttpRequest.newBuilder(
                        URI.create(base.toExternalForm()).resolve("api/v1/data-centers"))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("x"))),
        415,
        null);
  }

  @Test
  void healthMetricsAndOpenApiAreServed() {
    Api.Reply health = server().get("health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().getString("status")).isEqualTo("UP");
    assertThat(health.json().getJsonArray("checks").getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("name"))
        .contains("catalog", "scheduler");

    Api.Reply openapi = server().get("openapi");
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body())
        .contains(
            "/api/v1/data-centers", "/api/v1/targets/{id}/probes", "application/problem+json");

    Poll.until(
        Duration.ofSeconds(30),
        "probe counter in /metrics",
        () -> server().get("metrics").body().contains("strata_probes_total"));
  }
}
