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

  /** The name of this class's data directory under strata.it.dir (as given to shippedWar). */
  abstract String dataDirName();

  /** The initial administrator's password, from the file the control center wrote. */
  String adminPassword() {
    Path file =
        Path.of(System.getProperty("strata.it.dir"))
            .resolve(dataDirName())
            .resolve("initial-admin-password");
    try {
      return Files.readString(file).strip();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The deployment's URL on loopback, where the test containers listen. */
  URI root() {
    URI u = URI.create(base.toExternalForm());
    return URI.create("http://127.0.0.1:" + u.getPort() + u.getPath());
  }

  /** A client authenticated as the initial administrator. */
  Api api() {
    return new Api(root(), Api.basic("admin", adminPassword()));
  }

  /** A client that sends no credentials. */
  Api anonymous() {
    return new Api(root());
  }

  /** The server root (health, metrics and openapi live there, not under the context). */
  Api server() {
    return new Api(root().resolve("/"), Api.basic("admin", adminPassword()));
  }

  /**
   * A fresh directory under the disk root the test containers allow (strata.endpoints.disk-roots).
   */
  static Path diskDir(String prefix) throws java.io.IOException {
    Path root = Path.of(System.getProperty("strata.it.dir")).resolve("disks");
    Files.createDirectories(root);
    return Files.createTempDirectory(root, prefix);
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
    assertThat(
            api()
                .get("api/v1/data-centers")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class))
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
  void theEmbeddedVtlIsProbedThroughItsDataPathOnItsProbeCartridge() {
    JsonObject vtl =
        Poll.until(
            Duration.ofSeconds(60),
            "a probe of local-vtl",
            () -> {
              JsonObject t = api().get("api/v1/targets/local-vtl").json();
              return t.containsKey("latestProbe") ? t : null;
            });
    JsonObject probe = vtl.getJsonObject("latestProbe");
    // A drive wrote probe blocks on the cartridge set aside for probing, read them back and
    // compared them; the capacity is that of the 20 data cartridges (not the probe's).
    assertThat(probe.getString("outcome")).as(probe.toString()).isEqualTo("OK");
    assertThat(probe.getString("detail"))
        .contains("probe cartridge PRB000L9", "verified", "20 data cartridge(s)");
    assertThat(probe.getJsonNumber("probeBytes").longValue()).isPositive();
    assertThat(probe.getJsonNumber("totalBytes").longValue()).isEqualTo(20L * 1_800_000_000L);
  }

  @Test
  void dataCentersAndTargetsAreCreatedReadUpdatedAndListed() throws Exception {
    String dc = createDataCenter(unique("dc"));
    Path disk = diskDir("strata-it-disk");
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
                "{\"name\":\"Array 1\",\"endpoint\":\""
                    + disk.toUri()
                    + "\",\"costPerGibMonth\":\"0.0040\"}",
                etag);
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().getString("name")).isEqualTo("Array 1");
    assertThat(updated.json().getString("costPerGibMonth")).isEqualTo("0.004");
    assertThat(updated.json().getString("state")).isEqualTo("POTENTIAL");
    assertThat(updated.json().containsKey("capacityBytes")).isFalse();
    assertThat(updated.header("ETag")).isEqualTo("\"1\"");

    Api.Reply stale =
        api()
            .put(
                "api/v1/targets/" + id,
                "{\"endpoint\":\"" + disk.toUri() + "\",\"name\":\"lost update\"}",
                etag);
    assertProblem(stale, 412, "If-Match");

    Api.Reply activated = api().post("api/v1/targets/" + id + "/activate", "");
    assertThat(activated.status()).as(activated.body()).isEqualTo(200);
    assertThat(activated.json().getString("state")).isEqualTo("ACTIVE");
    assertProblem(api().post("api/v1/targets/" + id + "/retire", ""), 409, "state");
    assertThat(api().post("api/v1/targets/" + id + "/drain", "").json().getString("state"))
        .isEqualTo("DRAINING");

    assertThat(
            api()
                .get("api/v1/targets?dataCenter=" + dc)
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("id"))
        .containsExactly(id);
    assertThat(
            api()
                .get("api/v1/targets?kind=DISK&state=DRAINING")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("id"))
        .contains(id)
        .doesNotContain("local-disk");
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

  /** Lists are paged: a page of at most limit items, the next one after it, none lost. */
  @Test
  void dataCentersAndTargetsAreListedInPages() {
    String dc = createDataCenter(unique("paged"));
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = unique("t" + i);
      Api.Reply r =
          registerTarget(
              id, dc, "OBJECT_STORE", "s3://bucket/p" + i + "?endpoint=http://127.0.0.1:9", "");
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      ids.add(id);
    }
    List<String> seen = new java.util.ArrayList<>();
    String after = null;
    do {
      Api.Reply page =
          api()
              .get(
                  "api/v1/targets?dataCenter="
                      + dc
                      + "&limit=2"
                      + (after == null ? "" : "&after=" + after));
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      jakarta.json.JsonArray items = page.json().getJsonArray("items");
      assertThat(items.size()).isBetween(1, 2);
      items.getValuesAs(JsonObject.class).forEach(t -> seen.add(t.getString("id")));
      after = page.json().getString("next", null);
    } while (after != null);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);

    createDataCenter(unique("paged"));
    Api.Reply first = api().get("api/v1/data-centers?limit=1");
    assertThat(first.json().getJsonArray("items")).hasSize(1);
    String next = first.json().getString("next");
    Api.Reply second = api().get("api/v1/data-centers?limit=1&after=" + next);
    assertThat(second.json().getJsonArray("items").getJsonObject(0).getString("id"))
        .isGreaterThan(first.json().getJsonArray("items").getJsonObject(0).getString("id"));
    assertProblem(api().get("api/v1/data-centers?limit=1001"), 400, "limit");
  }

  @Test
  void probeNowMeasuresATargetAndRecordsIt() throws Exception {
    String dc = createDataCenter(unique("dc"));
    Path disk = diskDir("strata-it-probe");
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
    String id = unique("bucket");
    assertThat(
            registerTarget(
                    id, dc, "OBJECT_STORE", "s3://bucket/prefix?endpoint=http://127.0.0.1:9", "")
                .status())
        .isEqualTo(201);
    Api.Reply probe = api().post("api/v1/targets/" + id + "/probes", "");
    assertThat(probe.status()).isEqualTo(201);
    assertThat(probe.json().getString("outcome")).isEqualTo("NO_DRIVER");
  }

  @Test
  void aTapeLibraryWhoseChangerIsNotThereIsUnreachableByName() {
    String dc = createDataCenter(unique("dc"));
    String id = unique("lib");
    assertThat(
            registerTarget(id, dc, "TAPE_LIBRARY", "mtx:/dev/sg99?drives=/dev/nst99", "").status())
        .isEqualTo(201);
    Api.Reply probe = api().post("api/v1/targets/" + id + "/probes", "");
    assertThat(probe.status()).isEqualTo(201);
    assertThat(probe.json().getString("outcome")).isEqualTo("UNREACHABLE");
    assertThat(probe.json().getString("detail")).contains("no changer device at /dev/sg99");
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
        api().put("api/v1/targets/local-disk", "{\"endpoint\":\"file:/tmp\"}", "7"),
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
        api().send(HttpRequest.newBuilder(root().resolve("api/v1/targets/local-disk")).DELETE()),
        405,
        null);
    assertProblem(
        api()
            .send(
                HttpRequest.newBuilder(root().resolve("api/v1/data-centers"))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("x"))),
        415,
        null);
  }

  @Test
  void healthIsPublicButTellsNothingElseAndMetricsNeedCredentials() {
    Api.Reply health = anonymous().get("/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(anonymous().get("/health/ready").status()).isEqualTo(200);
    assertThat(anonymous().get("/health/live").status()).isEqualTo(200);

    JsonObject details = api().get("api/v1/health").json();
    assertThat(details.getJsonArray("checks").getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("name"))
        .contains("catalog", "scheduler");
    assertProblem(anonymous().get("api/v1/health"), 401, null);

    Api.Reply openapi = anonymous().get("/openapi");
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body())
        .contains(
            "/api/v1/data-centers", "/api/v1/targets/{id}/probes", "application/problem+json");

    assertThat(anonymous().get("/metrics").status()).isEqualTo(401);
    assertThat(anonymous().get("/payara-metrics").status()).isIn(401, 403);
    Poll.until(
        Duration.ofSeconds(30),
        "probe counter in /metrics",
        () -> api().get("/metrics").body().contains("strata_probes_total"));
    assertThat(api().get("/metrics").body()).contains("jvm_memory_used_bytes{area=\"heap\"}");
  }

  @Test
  void refusesAForeignHostAsDnsRebindingWouldSendIt() {
    Api.Reply r = api().raw("GET /api/v1/data-centers HTTP/1.1\r\nHost: attacker.example:80", null);
    assertProblem(r, 421, null);
    Api.Reply none = api().raw("GET /api/v1/data-centers HTTP/1.0", null);
    assertProblem(none, 421, null);
  }

  @Test
  void refusesEveryCrossSiteBrowserRequest() {
    Api.Reply origin =
        api()
            .send(
                HttpRequest.newBuilder(root().resolve("api/v1/targets"))
                    .header("Origin", "http://attacker.example")
                    .GET());
    assertProblem(origin, 403, null);
    Api.Reply fetch =
        api()
            .send(
                HttpRequest.newBuilder(root().resolve("api/v1/targets"))
                    .header("Sec-Fetch-Site", "cross-site")
                    .GET());
    assertProblem(fetch, 403, null);
    Api.Reply preflight =
        api()
            .send(
                HttpRequest.newBuilder(root().resolve("api/v1/targets"))
                    .header("Origin", "http://attacker.example")
                    .header("Access-Control-Request-Method", "POST")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(preflight.status()).isEqualTo(403);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    Api.Reply sameOrigin =
        api()
            .send(
                HttpRequest.newBuilder(root().resolve("api/v1/targets"))
                    .header("Origin", "http://" + api().host())
                    .header("Sec-Fetch-Site", "same-origin")
                    .GET());
    assertThat(sameOrigin.status()).as(sameOrigin.body()).isEqualTo(200);
  }

  @Test
  void aFormPostChangesNothing() throws Exception {
    // A retired target is not probed on schedule: a new probe in its history came from a post.
    String dc = createDataCenter(unique("dc"));
    String id = unique("disk");
    assertThat(registerDisk(id, dc, diskDir("strata-it-form"), "").status()).isEqualTo(201);
    assertThat(api().post("api/v1/targets/" + id + "/retire", "").status()).isEqualTo(200);
    int before = probeCount(id); // a scheduled probe may have come before it retired
    for (String type :
        new String[] {
          "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"
        }) {
      Api.Reply r =
          api()
              .send(
                  HttpRequest.newBuilder(root().resolve("api/v1/targets/" + id + "/probes"))
                      .header("Content-Type", type)
                      .POST(HttpRequest.BodyPublishers.ofString("a=b")));
      assertProblem(r, 415, null);
    }
    assertThat(probeCount(id)).isEqualTo(before);
  }

  private int probeCount(String target) {
    return api()
        .get("api/v1/targets/" + target + "/probes?limit=1000")
        .json()
        .getJsonArray("items")
        .size();
  }

  @Test
  void bodiesBeyondTheLimitAre413WhateverTheyClaim() {
    String path = "/api/v1/data-centers";
    String big = "{\"id\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
    Api.Reply declared =
        api()
            .raw(
                "POST "
                    + path
                    + " HTTP/1.1\r\nHost: "
                    + api().host()
                    + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + big.length(),
                big.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertProblem(declared, 413, null);
    byte[] chunk = big.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] chunked =
        (Integer.toHexString(chunk.length) + "\r\n" + big + "\r\n0\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Api.Reply streamed =
        api()
            .raw(
                "POST "
                    + path
                    + " HTTP/1.1\r\nHost: "
                    + api().host()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
                chunked);
    assertProblem(streamed, 413, null);
  }

  @Test
  void deepNestingAndHugeNumbersAreBadRequests() {
    assertProblem(
        api()
            .post(
                "api/v1/data-centers", "{\"id\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}"),
        400,
        "body");
    assertProblem(
        api().post("api/v1/targets", "{\"capacityBytes\":" + "9".repeat(100_000) + "}"),
        400,
        "body");
  }

  @Test
  void advertisesNoInternals() {
    Api.Reply options =
        api()
            .send(
                HttpRequest.newBuilder(root().resolve("api/v1/targets"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(options.contentType()).doesNotContain("wadl");
    assertThat(options.body()).doesNotContain("wadl");
    for (Api.Reply r : List.of(options, api().get("api/v1/targets"), api().get("nothing-here"))) {
      assertThat(r.header("Server")).as("Server header").isNull();
      assertThat(r.header("X-Powered-By")).as("X-Powered-By header").isNull();
    }
  }

  @Test
  void targetsCannotPointOutsideWhatTheOperatorAllowed() {
    String dc = createDataCenter(unique("dc"));
    for (String endpoint :
        new String[] {
          "file:/etc/../tmp", "file:///", "file:/tmp/strata-anywhere", "file:/etc",
        }) {
      assertProblem(registerTarget(unique("disk"), dc, "DISK", endpoint, ""), 400, "endpoint");
    }
    assertProblem(
        registerTarget(unique("vtl"), dc, "VTL", "vtl://169.254.169.254:80", ""), 400, "endpoint");
    assertProblem(
        registerTarget(
            unique("s3"), dc, "OBJECT_STORE", "s3://b/p?endpoint=http://169.254.169.254/", ""),
        400,
        "endpoint");
    assertProblem(
        registerTarget(unique("lib"), dc, "TAPE_LIBRARY", "mtx:/dev/sda", ""), 400, "endpoint");
  }

  // ---- identity -------------------------------------------------------------------------------

  String createTenant(String id) {
    Api.Reply r = api().post("api/v1/tenants", "{\"id\":\"" + id + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return id;
  }

  /** Creates a principal; a tenant's principal gets its tenant's suffix ({@code name@tenant}). */
  String createPrincipal(String localName, String role, String tenant, String password) {
    String name = tenant == null ? localName : localName + "@" + tenant;
    Api.Reply r =
        api()
            .post(
                "api/v1/principals",
                "{\"name\":\""
                    + name
                    + "\",\"role\":\""
                    + role
                    + "\""
                    + (tenant == null ? "" : ",\"tenant\":\"" + tenant + "\"")
                    + (password == null ? "" : ",\"password\":\"" + password + "\"")
                    + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return name;
  }

  /** A fresh API key of {@code name}, as a client that sends it. */
  Api keyOf(String name) {
    Api issuer = api();
    String kind = api().get("api/v1/principals/" + name).json().getString("kind");
    if (kind.equals("OPERATOR") || kind.equals("MEMBER")) {
      // People issue their own keys: an administrator resets the password, the person issues.
      String password = "test password of " + name;
      Api.Reply reset =
          api()
              .put(
                  "api/v1/principals/" + name + "/password",
                  "{\"password\":\"" + password + "\"}",
                  null);
      assertThat(reset.status()).as(reset.body()).isEqualTo(204);
      issuer = api().as(Api.basic(name, password));
    }
    Api.Reply r = issuer.post("api/v1/principals/" + name + "/keys", "{\"label\":\"test\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return api().as(Api.bearer(r.json().getString("token")));
  }

  @Test
  void nothingAnswersWithoutCredentials() {
    for (String path :
        new String[] {
          "api/v1/data-centers", "api/v1/targets", "api/v1/tenants", "api/v1/audit", "api/v1/me"
        }) {
      Api.Reply r = anonymous().get(path);
      assertProblem(r, 401, null);
      assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }
    assertProblem(
        anonymous().post("api/v1/data-centers", "{\"id\":\"x\",\"link\":\"WAN\"}"), 401, null);
    assertProblem(
        api().as(Api.bearer("stk_0000000000000000_" + "A".repeat(43))).get("api/v1/me"), 401, null);
    assertProblem(api().as(Api.basic("admin", "wrong password")).get("api/v1/me"), 401, null);
    assertProblem(api().as("Negotiate abc").get("api/v1/me"), 401, null);
  }

  @Test
  void theInitialAdministratorsPasswordIsReadableByItsOwnerOnly() throws Exception {
    Path file =
        Path.of(System.getProperty("strata.it.dir"))
            .resolve(dataDirName())
            .resolve("initial-admin-password");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    JsonObject me = api().get("api/v1/me").json();
    assertThat(me.getString("name")).isEqualTo("admin");
    assertThat(me.getString("role")).isEqualTo("ADMIN");
  }

  @Test
  void agentsAuthenticateWithKeysThatCanBeRevoked() {
    String tenant = createTenant(unique("t"));
    String agent = createPrincipal(unique("laptop"), "AGENT", tenant, null);
    Api.Reply issued = api().post("api/v1/principals/" + agent + "/keys", "{\"label\":\"cron\"}");
    assertThat(issued.status()).isEqualTo(201);
    String token = issued.json().getString("token");
    String keyId = issued.json().getJsonObject("key").getString("id");
    assertThat(token).startsWith("stk_" + keyId + "_");
    Api asAgent = api().as(Api.bearer(token));

    JsonObject me = asAgent.get("api/v1/me").json();
    assertThat(me.getString("name")).isEqualTo(agent);
    assertThat(me.getString("tenant")).isEqualTo(tenant);
    JsonObject listed = api().get("api/v1/principals/" + agent + "/keys").array().getJsonObject(0);
    assertThat(listed.getString("id")).isEqualTo(keyId);
    assertThat(listed.containsKey("lastUsedAt")).isTrue();
    assertThat(listed.toString()).doesNotContain(token.substring(22));

    assertProblem(
        api()
            .post(
                "api/v1/principals",
                "{\"name\":\""
                    + unique("bot")
                    + "@"
                    + tenant
                    + "\",\"role\":\"AGENT\",\"tenant\":\""
                    + tenant
                    + "\",\"password\":\"long enough password\"}"),
        400,
        "password");

    assertThat(api().delete("api/v1/principals/" + agent + "/keys/" + keyId).status())
        .isEqualTo(200);
    assertProblem(asAgent.get("api/v1/me"), 401, null);
  }

  @Test
  void anotherTenantsObjectsAreNotFoundLikeObjectsThatDoNotExist() {
    String acme = createTenant(unique("acme"));
    String globex = createTenant(unique("globex"));
    String acmeAdmin = createPrincipal(unique("admin"), "TENANT_ADMIN", acme, "a long password 1");
    String globexUser = createPrincipal(unique("user"), "TENANT_USER", globex, null);
    Api asAcme = api().as(Api.basic(acmeAdmin, "a long password 1"));

    Api.Reply other = asAcme.get("api/v1/tenants/" + globex);
    Api.Reply missing = asAcme.get("api/v1/tenants/no-such-tenant");
    assertProblem(other, 404, null);
    assertProblem(missing, 404, null);
    assertThat(other.json().getString("title")).isEqualTo(missing.json().getString("title"));
    assertProblem(asAcme.get("api/v1/principals/" + globexUser), 404, null);
    assertProblem(asAcme.get("api/v1/principals/admin"), 404, null);
    assertProblem(asAcme.get("api/v1/principals?tenant=" + globex), 404, null);
    assertProblem(asAcme.get("api/v1/principals/" + globexUser + "/keys"), 404, null);
    assertProblem(asAcme.post("api/v1/principals/" + globexUser + "/keys", "{}"), 404, null);
    assertProblem(
        asAcme.post(
            "api/v1/principals",
            "{\"name\":\""
                + unique("spy")
                + "@"
                + globex
                + "\",\"role\":\"AGENT\",\"tenant\":\""
                + globex
                + "\"}"),
        404,
        null);

    assertThat(asAcme.get("api/v1/tenants/" + acme).status()).isEqualTo(200);
    assertThat(
            asAcme.get("api/v1/tenants").json().getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("id"))
        .containsExactly(acme);
    assertThat(
            asAcme
                .get("api/v1/principals")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class))
        .extracting(p -> p.getString("tenant"))
        .containsOnly(acme);
    String agent = unique("agent") + "@" + acme;
    Api.Reply created =
        asAcme.post("api/v1/principals", "{\"name\":\"" + agent + "\",\"role\":\"AGENT\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getString("tenant")).isEqualTo(acme);
    assertProblem(
        asAcme.post(
            "api/v1/principals",
            "{\"name\":\""
                + unique("op")
                + "\",\"role\":\"OPERATOR\",\"password\":\"a long password 2\"}"),
        403,
        null);
  }

  @Test
  void rolesAreEnforcedAndEveryChangeIsAudited() {
    String auditor = createPrincipal(unique("auditor"), "AUDITOR", null, null);
    Api asAuditor = keyOf(auditor);
    String tenant = createTenant(unique("t"));
    Api asUser = keyOf(createPrincipal(unique("user"), "TENANT_USER", tenant, null));

    assertProblem(
        asUser.post("api/v1/data-centers", "{\"id\":\"" + unique("dc") + "\",\"link\":\"WAN\"}"),
        403,
        null);
    assertProblem(asAuditor.post("api/v1/tenants", "{\"id\":\"" + unique("t") + "\"}"), 403, null);
    assertProblem(asUser.get("api/v1/audit"), 403, null);
    assertProblem(
        api()
            .send(
                HttpRequest.newBuilder(root().resolve("api/v1/tenants"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("id=x"))),
        415,
        null);
    String dc = createDataCenter(unique("dc"));

    List<JsonObject> events =
        asAuditor
            .get("api/v1/audit?limit=20")
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.getString("operation")).isEqualTo("createDataCenter");
              assertThat(e.getString("targetId")).isEqualTo(dc);
              assertThat(e.getString("principal")).isEqualTo("admin");
              assertThat(e.getString("outcome")).isEqualTo("SUCCEEDED");
              assertThat(e.getString("remoteAddress")).isEqualTo("127.0.0.1");
            })
        .anySatisfy(
            e -> {
              assertThat(e.getString("operation")).isEqualTo("createTenant");
              assertThat(e.getString("principal")).isEqualTo(auditor);
              assertThat(e.getString("outcome")).isEqualTo("REFUSED");
              assertThat(e.getInt("status")).isEqualTo(403);
            })
        .anySatisfy(e -> assertThat(e.getInt("status")).isEqualTo(415));
    assertThat(
            asAuditor
                .get("api/v1/audit?operation=createDataCenter&outcome=REFUSED&limit=5")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class))
        .allSatisfy(e -> assertThat(e.getString("outcome")).isEqualTo("REFUSED"))
        .isNotEmpty();
    JsonObject page = asAuditor.get("api/v1/audit?limit=1").json();
    String next = page.getString("next");
    JsonObject older = asAuditor.get("api/v1/audit?limit=1&after=" + next).json();
    assertThat(older.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue())
        .isLessThan(Long.parseLong(next) + 1)
        .isLessThan(page.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
  }

  @Test
  void peopleChangeTheirOwnPasswordButNotOthers() {
    String tenant = createTenant(unique("t"));
    String alice = createPrincipal(unique("alice"), "TENANT_USER", tenant, "first password 123");
    String bob = createPrincipal(unique("bob"), "TENANT_USER", tenant, "bobs password 123");
    Api asAlice = api().as(Api.basic(alice, "first password 123"));
    assertProblem(
        api().post("api/v1/principals/" + alice + "/keys", "{}"),
        403,
        null); // an administrator could act as her with a key issued to her
    assertProblem(
        asAlice.put(
            "api/v1/principals/" + alice + "/password",
            "{\"currentPassword\":\"first password 123\",\"password\":\"short\"}",
            null),
        400,
        "password");
    // A key (perhaps stolen) of alice's cannot set her password: it takes the current one.
    Api asAlicesKey = keyOf(alice);
    Api asAliceAgain = api().as(Api.basic(alice, "test password of " + alice));
    assertProblem(
        asAlicesKey.put(
            "api/v1/principals/" + alice + "/password",
            "{\"password\":\"second password 456\"}",
            null),
        400,
        "currentPassword");
    assertProblem(
        asAlicesKey.put(
            "api/v1/principals/" + alice + "/password",
            "{\"currentPassword\":\"a wrong guess 1\",\"password\":\"second password 456\"}",
            null),
        400,
        "currentPassword");
    assertThat(
            asAliceAgain
                .put(
                    "api/v1/principals/" + alice + "/password",
                    "{\"currentPassword\":\"test password of "
                        + alice
                        + "\",\"password\":\"second password 456\"}",
                    null)
                .status())
        .isEqualTo(204);
    assertProblem(asAliceAgain.get("api/v1/me"), 401, null);
    assertThat(api().as(Api.basic(alice, "second password 456")).get("api/v1/me").status())
        .isEqualTo(200);
    assertProblem(
        api()
            .as(Api.basic(alice, "second password 456"))
            .put(
                "api/v1/principals/" + bob + "/password",
                "{\"password\":\"taken over 789\"}",
                null),
        403,
        null);
  }

  @Test
  void noSecretReachesTheAuditTrail() {
    String tenant = createTenant(unique("t"));
    String password = "a secret password " + UUID.randomUUID();
    String person = createPrincipal(unique("p"), "TENANT_USER", tenant, password);
    assertProblem(api().post("api/v1/principals/" + person + "/keys", "{}"), 403, null);
    Api.Reply issued =
        api().as(Api.basic(person, password)).post("api/v1/principals/" + person + "/keys", "{}");
    String token = issued.json().getString("token");
    api().as(Api.basic(person, "not " + password)).post("api/v1/tenants", "{}");
    String trail = api().get("api/v1/audit?limit=1000").body();
    assertThat(trail).doesNotContain(password).doesNotContain(token.substring(22));
  }

  // ---- Found by the adversarial test of issues 10 and 11 (h10-attack)
  // ----------------------------

  @Test
  void refusesARequestThatNamesTwoHosts() {
    // The first Host was checked, a proxy in front may route by the second.
    Api.Reply r =
        api()
            .raw(
                "GET /api/v1/me HTTP/1.1\r\nHost: " + api().host() + "\r\nHost: attacker.example",
                null);
    assertProblem(r, 400, null);
  }

  @Test
  void optionsOutsideTheApiDescribeNothing() {
    // Payara's own /openapi endpoint answered OPTIONS with a WADL document naming Jersey.
    for (String path : List.of("/openapi", "/health", "/metrics")) {
      Api.Reply r =
          anonymous()
              .send(
                  HttpRequest.newBuilder(root().resolve(path))
                      .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
      assertThat(r.status()).as(path).isIn(204, 401);
      assertThat(r.body()).as(path).doesNotContainIgnoringCase("wadl").doesNotContain("jersey");
      assertThat(String.valueOf(r.contentType())).as(path).doesNotContain("wadl");
    }
  }

  @Test
  void aRefusedCreationIsAuditedWithTheIdItTriedToTake() {
    String acme = createTenant(unique("acme"));
    String other = createTenant(unique("other"));
    String acmeAdmin = createPrincipal(unique("ta"), "TENANT_ADMIN", acme, "a long password 3");
    String spy = unique("spy") + "@" + other;
    assertProblem(
        api()
            .as(Api.basic(acmeAdmin, "a long password 3"))
            .post(
                "api/v1/principals",
                "{\"name\":\"" + spy + "\",\"role\":\"AGENT\",\"tenant\":\"" + other + "\"}"),
        404,
        null);
    List<JsonObject> events =
        api()
            .get("api/v1/audit?targetId=" + spy)
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getString("operation")).isEqualTo("createPrincipal");
              assertThat(e.getString("principal")).isEqualTo(acmeAdmin);
              assertThat(e.getInt("status")).isEqualTo(404);
            });
  }

  @Test
  void aPasswordTooLongToEverBeSentIsRefused() {
    String tenant = createTenant(unique("t"));
    Api.Reply r =
        api()
            .post(
                "api/v1/principals",
                "{\"name\":\""
                    + unique("long")
                    + "@"
                    + tenant
                    + "\",\"role\":\"TENANT_USER\",\"tenant\":\""
                    + tenant
                    + "\",\"password\":\""
                    + "p".repeat(1025)
                    + "\"}");
    assertProblem(r, 400, "password");
  }

  @Test
  void aPathTheFileSystemCannotHoldIsABadRequestNotAFailure() throws Exception {
    String dc = createDataCenter(unique("dc"));
    Path dir = diskDir("strata-it-nul");
    assertProblem(
        registerTarget(unique("disk"), dc, "DISK", dir.toUri() + "a%00b", ""), 400, "endpoint");
  }

  @Test
  void passwordGuessingIsThrottledAndAudited() {
    String tenant = createTenant(unique("t"));
    String password = "the right password " + UUID.randomUUID();
    String person = createPrincipal(unique("guessed"), "TENANT_USER", tenant, password);
    Api asPersonsKey =
        api()
            .as(
                Api.bearer(
                    api()
                        .as(Api.basic(person, password))
                        .post("api/v1/principals/" + person + "/keys", "{}")
                        .json()
                        .getString("token")));
    for (int i = 0; i < 5; i++) {
      assertProblem(api().as(Api.basic(person, "guess " + i)).get("api/v1/me"), 401, null);
    }
    Api.Reply throttled = null;
    for (int i = 0; i < 5 && throttled == null; i++) {
      Api.Reply r = api().as(Api.basic(person, "guess again " + i)).get("api/v1/me");
      if (r.status() == 429) {
        throttled = r;
      } else {
        assertProblem(r, 401, null);
      }
    }
    assertThat(throttled).as("a guess refused unchecked").isNotNull();
    assertProblem(throttled, 429, null);
    assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();

    assertThat(asPersonsKey.get("api/v1/me").status())
        .as("API keys are not throttled")
        .isEqualTo(200);
    assertThat(
            api()
                .get("api/v1/audit?operation=throttleLogins&limit=100")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class))
        .anySatisfy(e -> assertThat(e.getString("detail")).contains(person));
    Poll.until(
        Duration.ofSeconds(60),
        "the right password accepted once the wait ran out",
        () -> api().as(Api.basic(person, password)).get("api/v1/me").status() == 200);
  }

  // ---- policies, the ranked pool, placement, the catalog ---------------------------------------

  static final String TERMS =
      "{\"copies\":2,\"minDataCenters\":1,\"minDiskCopies\":1,\"retention\":\"P30D\","
          + "\"verificationInterval\":\"P7D\",\"restoreTimeObjective\":\"PT4H\","
          + "\"pricePerGibMonth\":\"0.0100\"}";

  @Test
  void theDefaultPoliciesAreThereAndRevisionsAreKept() {
    String tenant = createTenant(unique("t"));
    Api asUser = keyOf(createPrincipal(unique("user"), "TENANT_USER", tenant, null));
    List<JsonObject> policies = asUser.get("api/v1/policies").array().getValuesAs(JsonObject.class);
    assertThat(policies).extracting(p -> p.getString("name")).contains("gold", "silver", "bronze");
    JsonObject gold = asUser.get("api/v1/policies/gold").json();
    assertThat(gold.getInt("copies")).isEqualTo(3);
    assertThat(gold.getInt("minDataCenters")).isEqualTo(3);
    assertThat(gold.getInt("minTapeCopies")).isEqualTo(1);
    assertThat(gold.getString("restoreTimeObjective")).isEqualTo("PT4H");
    assertThat(gold.getString("pricePerGibMonth")).isEqualTo("0.05");

    String name = unique("p");
    Api.Reply first = api().post("api/v1/policies/" + name + "/revisions", TERMS);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().getInt("revision")).isEqualTo(1);
    Api.Reply second =
        api()
            .post(
                "api/v1/policies/" + name + "/revisions",
                TERMS.replace("\"copies\":2", "\"copies\":3"));
    assertThat(second.json().getInt("revision")).isEqualTo(2);
    assertThat(second.header("Location")).endsWith("/api/v1/policies/" + name + "/revisions/2");
    assertThat(asUser.get("api/v1/policies/" + name).json().getInt("copies")).isEqualTo(3);
    assertThat(asUser.get("api/v1/policies/" + name + "/revisions/1").json().getInt("copies"))
        .isEqualTo(2);
    assertThat(asUser.get("api/v1/policies/" + name + "/revisions").array()).hasSize(2);

    assertProblem(asUser.post("api/v1/policies/" + name + "/revisions", TERMS), 403, null);
    assertProblem(
        api().post("api/v1/policies/" + name + "/revisions", TERMS.replace("P30D", "thirty days")),
        400,
        "retention");
    assertProblem(
        api()
            .post(
                "api/v1/policies/" + name + "/revisions",
                TERMS.replace("\"minDiskCopies\":1", "\"minDiskCopies\":3")),
        400,
        "minCopiesPerClass");
    assertProblem(asUser.get("api/v1/policies/no-such-policy"), 404, null);
    assertProblem(asUser.get("api/v1/policies/" + name + "/revisions/9"), 404, null);
  }

  @Test
  void thePoolIsRankedWithTheReasonsOfEachScore() {
    Poll.until(
        Duration.ofSeconds(60),
        "probes of the local targets",
        () ->
            api().get("api/v1/targets/local-vtl/probes?limit=1").json().getJsonArray("items").size()
                    > 0
                && api()
                        .get("api/v1/targets/local-disk/probes?limit=1")
                        .json()
                        .getJsonArray("items")
                        .size()
                    > 0);
    List<JsonObject> pool =
        api().get("api/v1/pool?dataCenter=local").array().getValuesAs(JsonObject.class);
    assertThat(pool).extracting(t -> t.getString("target")).contains("local-disk", "local-vtl");
    for (int i = 0; i < pool.size(); i++) {
      JsonObject t = pool.get(i);
      assertThat(t.getInt("rank")).isEqualTo(i + 1);
      if (i > 0) {
        assertThat(t.getJsonNumber("score").doubleValue())
            .isLessThanOrEqualTo(pool.get(i - 1).getJsonNumber("score").doubleValue());
      }
      List<JsonObject> components = t.getJsonArray("components").getValuesAs(JsonObject.class);
      assertThat(components)
          .extracting(c -> c.getString("component"))
          .contains("AVAILABILITY", "WRITE_THROUGHPUT", "READ_THROUGHPUT", "FREE_CAPACITY", "COST");
      double sum =
          components.stream().mapToDouble(c -> c.getJsonNumber("contribution").doubleValue()).sum();
      assertThat(sum)
          .isCloseTo(
              t.getJsonNumber("score").doubleValue(), org.assertj.core.data.Offset.offset(1e-6));
      assertThat(t.getJsonObject("figures").getInt("probes")).isPositive();
    }
    assertThat(api().get("api/v1/pool?kind=DISK").array().getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("kind"))
        .containsOnly("DISK");
    String tenant = createTenant(unique("t"));
    assertProblem(
        keyOf(createPrincipal(unique("user"), "TENANT_USER", tenant, null)).get("api/v1/pool"),
        403,
        null);
  }

  @Test
  void aPlacementPreviewExplainsEveryChoiceAndWhatCannotBeMet() {
    Poll.until(
        Duration.ofSeconds(60),
        "a probe of local-disk",
        () ->
            api()
                    .get("api/v1/targets/local-disk/probes?limit=1")
                    .json()
                    .getJsonArray("items")
                    .size()
                > 0);
    JsonObject bronze =
        api()
            .post("api/v1/placements/preview", "{\"policy\":\"bronze\",\"sizeBytes\":1048576}")
            .json();
    assertThat(bronze.getBoolean("satisfiable")).as(bronze.toString()).isTrue();
    assertThat(bronze.getJsonArray("copies")).hasSize(1);
    JsonObject copy = bronze.getJsonArray("copies").getJsonObject(0);
    assertThat(copy.getString("target")).isNotBlank();
    List<String> chosen = List.of(copy.getString("target"));
    assertThat(bronze.getJsonArray("rejections").getValuesAs(JsonObject.class))
        .allSatisfy(
            r -> {
              assertThat(chosen).doesNotContain(r.getString("target"));
              assertThat(r.getString("constraint")).isNotBlank();
              assertThat(r.getString("detail")).isNotBlank();
            });

    JsonObject gold =
        api()
            .post("api/v1/placements/preview", "{\"policy\":\"gold\",\"sizeBytes\":1048576}")
            .json();
    assertThat(gold.getBoolean("satisfiable")).isFalse();
    assertThat(gold.getJsonArray("copies")).isEmpty();
    assertThat(gold.getJsonArray("unmet").getValuesAs(JsonObject.class))
        .extracting(u -> u.getString("requirement"))
        .contains("DATA_CENTERS");

    JsonObject again =
        api()
            .post(
                "api/v1/placements/preview",
                "{\"policy\":\"bronze\",\"sizeBytes\":1048576,\"existingCopies\":[\""
                    + copy.getString("target")
                    + "\"]}")
            .json();
    assertThat(again.getBoolean("satisfiable")).isTrue();
    assertThat(again.getJsonArray("copies")).as("the existing copy already meets bronze").isEmpty();

    assertProblem(
        api().post("api/v1/placements/preview", "{\"policy\":\"platinum\",\"sizeBytes\":1}"),
        404,
        null);
    assertProblem(
        api().post("api/v1/placements/preview", "{\"policy\":\"bronze\",\"sizeBytes\":-1}"),
        400,
        "sizeBytes");
  }

  @Test
  void backupSetsBelongToTheirTenantAndKnowWhenTheirPolicyMovedOn() {
    String acme = createTenant(unique("acme"));
    String globex = createTenant(unique("globex"));
    Api asAcme = keyOf(createPrincipal(unique("user"), "TENANT_USER", acme, null));
    String agent = createPrincipal(unique("laptop"), "AGENT", acme, null);
    Api asAgent = keyOf(agent);
    Api asGlobex = keyOf(createPrincipal(unique("user"), "TENANT_USER", globex, null));
    String policy = unique("p");
    assertThat(api().post("api/v1/policies/" + policy + "/revisions", TERMS).status())
        .isEqualTo(201);

    String home = unique("home");
    Api.Reply created =
        asAcme.post(
            "api/v1/backup-sets",
            "{\"id\":\""
                + home
                + "\",\"name\":\"Home\",\"policy\":\""
                + policy
                + "\",\"agent\":\""
                + agent
                + "\",\"host\":\"laptop-7\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getString("tenant")).isEqualTo(acme);
    assertThat(created.json().getInt("policyRevision")).isEqualTo(1);
    assertThat(created.json().getBoolean("policyOutdated")).isFalse();

    String own = unique("self");
    Api.Reply byAgent =
        asAgent.post(
            "api/v1/backup-sets",
            "{\"id\":\"" + own + "\",\"name\":\"Self\",\"policy\":\"bronze\"}");
    assertThat(byAgent.status()).as(byAgent.body()).isEqualTo(201);
    assertThat(byAgent.json().getString("agent")).isEqualTo(agent);

    assertProblem(asGlobex.get("api/v1/backup-sets/" + home), 404, null);
    assertProblem(asGlobex.get("api/v1/backup-sets/" + home + "/snapshots"), 404, null);
    assertProblem(asGlobex.get("api/v1/backup-sets?tenant=" + acme), 404, null);
    assertThat(asGlobex.get("api/v1/backup-sets").json().getJsonArray("items")).isEmpty();
    assertProblem(
        asGlobex.post(
            "api/v1/backup-sets",
            "{\"id\":\""
                + unique("x")
                + "\",\"name\":\"X\",\"policy\":\"bronze\",\"agent\":\""
                + agent
                + "\"}"),
        400,
        "agent");
    assertProblem(
        api()
            .post(
                "api/v1/backup-sets",
                "{\"id\":\"" + unique("x") + "\",\"name\":\"X\",\"policy\":\"bronze\"}"),
        400,
        "tenant");
    assertThat(
            asAcme
                .get("api/v1/backup-sets")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class))
        .extracting(s -> s.getString("id"))
        .containsExactlyInAnyOrder(home + "@" + acme, own + "@" + acme);
    // Names are per tenant: another tenant's set of the same name is its own, and the first
    // tenant's is neither revealed nor touched by it.
    Api asGlobexAdmin = keyOf(createPrincipal(unique("ta"), "TENANT_ADMIN", globex, null));
    Api.Reply same =
        asGlobexAdmin.post(
            "api/v1/backup-sets", "{\"id\":\"" + home + "\",\"name\":\"G\",\"policy\":\"bronze\"}");
    assertThat(same.status()).as(same.body()).isEqualTo(201);
    assertThat(same.json().getString("id")).isEqualTo(home + "@" + globex);
    assertThat(asAcme.get("api/v1/backup-sets/" + home).json().getString("name")).isEqualTo("Home");
    assertProblem(asGlobexAdmin.get("api/v1/backup-sets/" + home + "@" + acme), 404, null);
    assertProblem(
        asGlobexAdmin.post(
            "api/v1/backup-sets",
            "{\"id\":\"" + unique("y") + "@" + acme + "\",\"name\":\"Y\",\"policy\":\"bronze\"}"),
        400,
        "id");

    api().post("api/v1/policies/" + policy + "/revisions", TERMS);
    assertThat(asAcme.get("api/v1/backup-sets/" + home).json().getBoolean("policyOutdated"))
        .isTrue();
    assertThat(asAcme.get("api/v1/backup-sets/" + home + "/snapshots").json().getJsonArray("items"))
        .isEmpty();
    assertProblem(asAcme.get("api/v1/snapshots/" + "ab".repeat(32)), 404, null);
    assertProblem(asAcme.get("api/v1/snapshots/not-a-snapshot"), 404, null);
    assertThat(api().get("api/v1/media").status()).isEqualTo(200);
    assertProblem(asAcme.get("api/v1/media"), 403, null);
  }

  // ---- repository and backup sessions
  // --------------------------------------------------------------

  @Test
  void repositoryObjectsAreWrittenOnceKeptPerTenantAndOnlyLocksAndSnapshotsAreDeleted() {
    String acme = createTenant(unique("acme"));
    String globex = createTenant(unique("globex"));
    Api asAgent = keyOf(createPrincipal(unique("laptop"), "AGENT", acme, null));
    Api asAuditor = keyOf(createPrincipal(unique("auditor"), "AUDITOR", null, null));
    Api asGlobex = keyOf(createPrincipal(unique("laptop"), "AGENT", globex, null));
    String objects = "api/v1/tenants/" + acme + "/repository/objects/";
    byte[] config = "config bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(asAgent.putBytes(objects + "config", config).status()).isEqualTo(201);
    assertThat(asAgent.putBytes(objects + "config", config).status()).isEqualTo(200);
    assertProblem(asAgent.putBytes(objects + "config", new byte[] {1}), 409, null);
    Api.Reply read = asAgent.get(objects + "config");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).isEqualTo("config bytes");
    assertThat(read.header("ETag")).contains(sha256Hex(config));
    assertProblem(asAgent.delete(objects + "config"), 409, null);

    assertThat(asAgent.putBytes(objects + "locks/l1", new byte[] {1, 2}).status()).isEqualTo(201);
    assertThat(asAgent.putBytes(objects + "snapshots/s1", new byte[] {3}).status()).isEqualTo(201);
    assertThat(
            asAgent
                .get("api/v1/tenants/" + acme + "/repository/objects?prefix=locks/")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class))
        .extracting(o -> o.getString("name"))
        .containsExactly("locks/l1");
    assertThat(asAgent.delete(objects + "locks/l1").status()).isEqualTo(204);
    assertThat(asAgent.delete(objects + "snapshots/s1").status()).isEqualTo(204);
    assertProblem(asAgent.get(objects + "locks/l1"), 404, null);

    // Names that could escape or shadow the packs are refused; other tenants see nothing.
    assertProblem(asAgent.putBytes(objects + "data/ab", config), 400, "name");
    assertProblem(asAgent.putBytes(objects + "a/%2E%2E/config", config), 400, "name");
    assertProblem(asGlobex.get(objects + "config"), 404, null);
    assertProblem(asGlobex.putBytes(objects + "keys/k", config), 404, null);
    assertThat(asAuditor.get(objects + "config").status()).isEqualTo(200);
    assertProblem(asAuditor.putBytes(objects + "keys/k", config), 403, null);
    assertThat(
            asAgent
                .get("api/v1/tenants/" + acme + "/repository/packs")
                .json()
                .getJsonArray("items"))
        .isEmpty();
  }

  @Test
  void aBackupSessionWithoutALiveNodeIsRefusedWith503AndNothingIsRecorded() {
    String acme = createTenant(unique("acme"));
    String agent = createPrincipal(unique("laptop"), "AGENT", acme, null);
    Api asAgent = keyOf(agent);
    String set = unique("home");
    assertThat(
            asAgent
                .post(
                    "api/v1/backup-sets",
                    "{\"id\":\"" + set + "\",\"name\":\"Home\",\"policy\":\"bronze\"}")
                .status())
        .isEqualTo(201);
    // Nodes enrolled by other tests here fall silent within seconds (they are no processes);
    // once every one is late the center has nowhere to land packs.
    Poll.until(
        Duration.ofSeconds(30),
        "every node late",
        () ->
            api().get("api/v1/nodes").array().getValuesAs(JsonObject.class).stream()
                    .allMatch(n -> n.getBoolean("late"))
                ? Boolean.TRUE
                : null);
    Api.Reply open =
        asAgent.post(
            "api/v1/backup-sets/" + set + "/sessions",
            "{\"signingKey\":\"" + "ab".repeat(32) + "\"}");
    assertProblem(open, 503, null);
    assertThat(open.header("Retry-After")).isNotNull();
    assertProblem(
        asAgent.post("api/v1/backup-sets/" + set + "/sessions", "{\"signingKey\":\"zz\"}"),
        400,
        "signingKey");
    assertProblem(
        keyOf(createPrincipal(unique("laptop"), "AGENT", createTenant(unique("o")), null))
            .post(
                "api/v1/backup-sets/" + set + "/sessions",
                "{\"signingKey\":\"" + "ab".repeat(32) + "\"}"),
        404,
        null);
    assertThat(asAgent.get("api/v1/backup-sets/" + set + "/snapshots").json().getJsonArray("items"))
        .isEmpty();
  }

  @Test
  void restoresOfUnknownOrForeignSnapshotsAreRefusedAndTheirListsAreScoped() {
    String acme = createTenant(unique("acme"));
    String agent = createPrincipal(unique("laptop"), "AGENT", acme, null);
    Api asAgent = keyOf(agent);
    String missing = "cd".repeat(32);
    assertProblem(
        asAgent.post("api/v1/restores/estimate", "{\"snapshot\":\"" + missing + "\"}"), 404, null);
    assertProblem(
        asAgent.post(
            "api/v1/restores", "{\"snapshot\":\"" + missing + "\",\"directory\":\"/tmp/r\"}"),
        404,
        null);
    assertProblem(
        asAgent.post("api/v1/restores", "{\"snapshot\":\"nope\",\"directory\":\"/tmp/r\"}"),
        400,
        "snapshot");
    assertProblem(asAgent.post("api/v1/restores", "{\"snapshot\":\"" + missing + "\"}"), 400, null);
    assertThat(asAgent.get("api/v1/restores").json().getJsonArray("items")).isEmpty();
    assertProblem(asAgent.get("api/v1/restores?state=SLEEPING"), 400, "state");
    assertProblem(asAgent.get("api/v1/restores/" + "0".repeat(32)), 404, null);
    assertProblem(asAgent.get("api/v1/restores/not-an-id/events"), 404, null);
    assertProblem(
        asAgent.post(
            "api/v1/restores/" + "0".repeat(32) + "/reports",
            "{\"status\":\"DONE\",\"bytesDone\":1,\"filesDone\":1}"),
        404,
        null);
    assertProblem(anonymous().get("api/v1/restores"), 401, null);
  }

  // ---- backup jobs
  // -------------------------------------------------------------------------------

  static String jobJson(String id, String set, String agent, String cron, String paths) {
    return "{"
        + (id == null ? "" : "\"id\":\"" + id + "\",")
        + "\"backupSet\":\""
        + set
        + "\",\"agent\":\""
        + agent
        + "\",\"paths\":"
        + paths
        + ",\"cron\":\""
        + cron
        + "\"}";
  }

  /** A tenant with an agent and a backup set; returns {tenant, agent, set}. */
  String[] jobTenant() {
    String acme = createTenant(unique("acme"));
    String agent = createPrincipal(unique("srv"), "AGENT", acme, null);
    String set = unique("db");
    Api.Reply r =
        api()
            .post(
                "api/v1/backup-sets",
                "{\"id\":\""
                    + set
                    + "\",\"tenant\":\""
                    + acme
                    + "\",\"name\":\"DB\",\"policy\":\"bronze\",\"agent\":\""
                    + agent
                    + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new String[] {acme, agent, set};
  }

  @Test
  void aJobRunNowIsClaimedByItsAgentsLongPollReportedOnAndHiddenFromOtherTenants()
      throws Exception {
    String[] t = jobTenant();
    String acme = t[0];
    String agent = t[1];
    String set = t[2];
    Api asAgent = keyOf(agent);
    Api asApp = keyOf(createPrincipal(unique("erp"), "APPLICATION", acme, null));
    String job = unique("nightly");

    Api.Reply badCron =
        asApp.post("api/v1/backup-jobs", jobJson(job, set, agent, "61 * * * * ?", "[\"/srv\"]"));
    assertProblem(badCron, 400, "cron");
    assertThat(badCron.body()).contains("not a Quartz cron expression");
    assertProblem(
        asApp.post("api/v1/backup-jobs", jobJson(job, set, agent, "0 0 3 * * ?", "[]")),
        400,
        "paths");
    assertProblem(
        asApp.post(
            "api/v1/backup-jobs", jobJson(job, unique("nope"), agent, "0 0 3 * * ?", "[\"/srv\"]")),
        400,
        "backupSet");
    Api.Reply created =
        asApp.post("api/v1/backup-jobs", jobJson(job, set, agent, "0 0 3 * * ?", "[\"/srv\"]"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getString("id")).isEqualTo(job + "@" + acme);
    assertThat(created.json().getString("nextRunAt")).endsWith("T03:00:00Z");
    assertThat(asApp.get("api/v1/backup-jobs").json().getJsonArray("items")).hasSize(1);

    // Nothing queued: the poll waits its second and answers 204.
    assertThat(asAgent.get("api/v1/agents/me/work?wait=1").status()).isEqualTo(204);
    assertProblem(asAgent.get("api/v1/agents/me/work?wait=31"), 400, "wait");
    assertProblem(asApp.get("api/v1/agents/me/work"), 403, null);

    // An agent waiting when the application asks for a run gets it at once.
    java.util.concurrent.CompletableFuture<Api.Reply> poll =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> asAgent.get("api/v1/agents/me/work?wait=25"));
    Api.Reply run = asApp.post("api/v1/backup-jobs/" + job + "/runs", "");
    assertThat(run.status()).as(run.body()).isEqualTo(201);
    assertThat(run.json().getString("state")).isEqualTo("QUEUED");
    assertThat(run.json().getString("trigger")).isEqualTo("MANUAL");
    String id = run.json().getString("id");
    Api.Reply work = poll.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(work.status()).as(work.body()).isEqualTo(200);
    assertThat(work.json().getString("run")).isEqualTo(id);
    assertThat(work.json().getString("backupSet")).isEqualTo(set + "@" + acme);
    assertThat(work.json().getString("policy")).isEqualTo("bronze");
    assertThat(work.json().getJsonArray("paths").getString(0)).isEqualTo("/srv");
    assertThat(asApp.get("api/v1/job-runs/" + id).json().getString("state")).isEqualTo("CLAIMED");
    assertThat(asAgent.get("api/v1/agents/me/work").status()).isEqualTo(204);

    Api.Reply running =
        asAgent.post(
            "api/v1/job-runs/" + id + "/reports",
            "{\"status\":\"RUNNING\",\"bytesDone\":4096,\"filesDone\":3}");
    assertThat(running.status()).as(running.body()).isEqualTo(200);
    assertThat(running.json().getString("state")).isEqualTo("RUNNING");
    // DONE must name a snapshot the catalog recorded in the run's set; the run is unchanged.
    assertProblem(
        asAgent.post(
            "api/v1/job-runs/" + id + "/reports",
            "{\"status\":\"DONE\",\"snapshot\":\""
                + "ab".repeat(32)
                + "\",\"bytesDone\":5,\"filesDone\":1}"),
        400,
        "snapshot");
    assertProblem(
        asAgent.post(
            "api/v1/job-runs/" + id + "/reports",
            "{\"status\":\"DONE\",\"bytesDone\":5,\"filesDone\":1}"),
        400,
        "snapshot");
    // Only the run's agent reports; other tenants see nothing of it.
    Api other = keyOf(createPrincipal(unique("srv"), "AGENT", acme, null));
    assertProblem(
        other.post(
            "api/v1/job-runs/" + id + "/reports",
            "{\"status\":\"FAILED\",\"bytesDone\":0,\"filesDone\":0}"),
        403,
        null);
    String globex = createTenant(unique("globex"));
    Api asGlobex = keyOf(createPrincipal(unique("app"), "APPLICATION", globex, null));
    Api globexAgent = keyOf(createPrincipal(unique("srv"), "AGENT", globex, null));
    assertProblem(asGlobex.get("api/v1/backup-jobs/" + job + "@" + acme), 404, null);
    assertProblem(asGlobex.get("api/v1/backup-jobs/" + job), 404, null);
    assertProblem(asGlobex.post("api/v1/backup-jobs/" + job + "@" + acme + "/runs", ""), 404, null);
    assertProblem(asGlobex.get("api/v1/job-runs/" + id), 404, null);
    assertProblem(asGlobex.get("api/v1/job-runs/" + id + "/events"), 404, null);
    assertProblem(
        globexAgent.post(
            "api/v1/job-runs/" + id + "/reports",
            "{\"status\":\"FAILED\",\"bytesDone\":0,\"filesDone\":0}"),
        404,
        null);
    assertThat(asGlobex.get("api/v1/backup-jobs").json().getJsonArray("items")).isEmpty();

    Api.Reply failed =
        asAgent.post(
            "api/v1/job-runs/" + id + "/reports",
            "{\"status\":\"FAILED\",\"bytesDone\":8192,\"filesDone\":4,"
                + "\"message\":\"no such file or directory: /srv\"}");
    assertThat(failed.status()).as(failed.body()).isEqualTo(200);
    JsonObject ended = asApp.get("api/v1/job-runs/" + id).json();
    assertThat(ended.getString("state")).isEqualTo("FAILED");
    assertThat(ended.getString("detail")).contains("no such file or directory");
    assertThat(ended.getJsonNumber("bytesDone").longValue()).isEqualTo(8192);
    assertThat(asApp.get("api/v1/job-runs/" + id + "/events").array().getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("kind"))
        .containsExactly("QUEUED", "CLAIMED", "STARTED", "PROGRESS", "FAILED");
    assertProblem(
        asAgent.post(
            "api/v1/job-runs/" + id + "/reports",
            "{\"status\":\"RUNNING\",\"bytesDone\":9000,\"filesDone\":5}"),
        409,
        null);
    assertThat(asApp.get("api/v1/backup-jobs/" + job + "/runs").json().getJsonArray("items"))
        .hasSize(1);

    Api.Reply read = asApp.get("api/v1/backup-jobs/" + job);
    assertProblem(
        asApp.put(
            "api/v1/backup-jobs/" + job,
            jobJson(null, set, agent, "0 0 25 * * ?", "[\"/srv\"]"),
            null),
        400,
        "cron");
    Api.Reply disabled =
        asApp.put(
            "api/v1/backup-jobs/" + job,
            "{\"backupSet\":\""
                + set
                + "\",\"paths\":[\"/srv\",\"/etc\"],\"cron\":\"0 0 4 * * ?\",\"enabled\":false}",
            read.header("ETag"));
    assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
    assertThat(disabled.json().containsKey("nextRunAt")).isFalse();
    assertThat(disabled.json().getString("agent")).isEqualTo(agent);
    assertThat(
            asApp
                .put(
                    "api/v1/backup-jobs/" + job,
                    jobJson(null, set, agent, "0 0 4 * * ?", "[\"/srv\"]"),
                    read.header("ETag"))
                .status())
        .isEqualTo(412);
    assertThat(asApp.delete("api/v1/backup-jobs/" + job).status()).isEqualTo(204);
    assertProblem(asApp.get("api/v1/backup-jobs/" + job), 404, null);
    assertProblem(asApp.get("api/v1/job-runs/" + id), 404, null);
  }

  @Test
  void scheduledRunsAreQueuedWhenDueAndRunsNobodyClaimsAreMissedAndStayListed() {
    String[] t = jobTenant();
    String agent = t[1];
    String set = t[2];
    Api asAgent = keyOf(agent);
    String job = unique("often");
    // Every second: the scheduler queues runs, and (the agent never polls) each is missed within
    // its grace, at most the interval.
    Api.Reply created =
        asAgent.post("api/v1/backup-jobs", jobJson(job, set, agent, "* * * * * ?", "[\"/srv\"]"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    try {
      JsonObject missed =
          Poll.until(
              Duration.ofSeconds(30),
              "a scheduled run recorded missed",
              () ->
                  asAgent
                      .get("api/v1/backup-jobs/" + job + "/runs")
                      .json()
                      .getJsonArray("items")
                      .getValuesAs(JsonObject.class)
                      .stream()
                      .filter(r -> r.getString("state").equals("MISSED"))
                      .findFirst()
                      .orElse(null));
      assertThat(missed.getString("trigger")).isEqualTo("SCHEDULE");
      assertThat(missed.getString("detail")).contains("did not claim");
      assertThat(missed.containsKey("claimedAt")).isFalse();
    } finally {
      assertThat(asAgent.delete("api/v1/backup-jobs/" + job).status()).isEqualTo(204);
    }

    // A run asked for now and never claimed within the (short, configured) grace is missed too,
    // and a later poll does not hand it out.
    String manual = unique("manual");
    assertThat(
            asAgent
                .post(
                    "api/v1/backup-jobs", jobJson(manual, set, agent, "0 0 3 * * ?", "[\"/srv\"]"))
                .status())
        .isEqualTo(201);
    String id = asAgent.post("api/v1/backup-jobs/" + manual + "/runs", "").json().getString("id");
    Poll.until(
        Duration.ofSeconds(30),
        "the unclaimed run missed",
        () -> asAgent.get("api/v1/job-runs/" + id).json().getString("state").equals("MISSED"));
    assertThat(asAgent.get("api/v1/agents/me/work").status()).isEqualTo(204);
    assertThat(
            asAgent.get("api/v1/job-runs/" + id + "/events").array().getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("kind"))
        .containsExactly("QUEUED", "MISSED");
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- storage nodes
  // -----------------------------------------------------------------------------

  static String heartbeat(String url, String probedAt, boolean reachable) {
    return "{\"url\":\""
        + url
        + "\",\"targets\":[{\"name\":\"disk1\",\"kind\":\"DISK\","
        + "\"location\":\"/srv/strata/disk1\",\"probe\":{\"at\":\""
        + probedAt
        + "\","
        + "\"reachable\":"
        + reachable
        + ",\"totalBytes\":1000000000000,\"freeBytes\":900000000000,"
        + "\"probeBytes\":1048576,\"dataPathTested\":true,\"verified\":true,\"writeMillis\":10,"
        + "\"readMillis\":5,\"detail\":\"\"}}]}";
  }

  @Test
  void aNodeEnrolsOnceReportsItsTargetsAndIsMarkedUnreachableWhenItFallsSilent() {
    String dc = createDataCenter(unique("dc"));
    Api.Reply issued = api().post("api/v1/data-centers/" + dc + "/enrolment-tokens", "");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    String token = issued.json().getString("token");
    assertThat(token).startsWith("sen_");
    String node = unique("node");
    String enrol =
        "{\"token\":\""
            + token
            + "\",\"node\":\""
            + node
            + "\",\"url\":\"http://127.0.0.1:8090/\"}";
    Api.Reply enrolled = anonymous().post("api/v1/node-enrolments", enrol);
    assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
    assertThat(enrolled.json().getString("dataCenter")).isEqualTo(dc);
    assertThat(enrolled.json().getString("grantKey")).startsWith("strata-grant-key-v1 public ");
    Api asNode = api().as(Api.bearer(enrolled.json().getString("credential")));
    assertProblem(
        anonymous().post("api/v1/node-enrolments", enrol.replace(node, node + "x")), 400, "token");

    Api.Reply beat =
        asNode.post(
            "api/v1/nodes/" + node + "/heartbeats",
            heartbeat("http://127.0.0.1:8090/", java.time.Instant.now().toString(), true));
    assertThat(beat.status()).as(beat.body()).isEqualTo(204);
    JsonObject target = api().get("api/v1/targets/" + node + "-disk1").json();
    assertThat(target.getString("dataCenter")).isEqualTo(dc);
    assertThat(target.getString("endpoint")).isEqualTo("file:/srv/strata/disk1");
    assertThat(target.getJsonObject("latestProbe").getString("outcome")).isEqualTo("OK");
    assertProblem(api().post("api/v1/targets/" + node + "-disk1/probes", ""), 400, "id");
    assertThat(api().get("api/v1/nodes").array().getValuesAs(JsonObject.class))
        .anySatisfy(
            n -> {
              assertThat(n.getString("name")).isEqualTo(node);
              assertThat(n.getJsonArray("targets").getString(0)).isEqualTo(node + "-disk1");
            });

    // Only the node itself reports for itself.
    assertProblem(
        api()
            .post(
                "api/v1/nodes/" + node + "/heartbeats",
                heartbeat("http://x:1/", java.time.Instant.now().toString(), true)),
        403,
        null);
    String other = unique("node");
    String otherToken =
        api().post("api/v1/data-centers/" + dc + "/enrolment-tokens", "").json().getString("token");
    Api asOther =
        api()
            .as(
                Api.bearer(
                    anonymous()
                        .post(
                            "api/v1/node-enrolments",
                            "{\"token\":\""
                                + otherToken
                                + "\",\"node\":\""
                                + other
                                + "\",\"url\":\"http://127.0.0.1:8091/\"}")
                        .json()
                        .getString("credential")));
    assertProblem(
        asOther.post(
            "api/v1/nodes/" + node + "/heartbeats",
            heartbeat("http://x:1/", java.time.Instant.now().toString(), true)),
        404,
        null);
    assertProblem(asOther.get("api/v1/targets"), 403, null);

    // Silent for three heartbeat intervals (1 s in these tests): its targets are unreachable.
    JsonObject late =
        Poll.until(
            Duration.ofSeconds(30),
            "the silent node's target recorded unreachable",
            () -> {
              JsonObject p =
                  api()
                      .get("api/v1/targets/" + node + "-disk1")
                      .json()
                      .getJsonObject("latestProbe");
              return p.getString("outcome").equals("UNREACHABLE") ? p : null;
            });
    assertThat(late.getString("detail")).contains("no heartbeat");
    assertThat(api().get("api/v1/nodes").array().getValuesAs(JsonObject.class))
        .filteredOn(n -> n.getString("name").equals(node))
        .singleElement()
        .satisfies(n -> assertThat(n.getBoolean("late")).isTrue());

    // It recovers when it is heard from again.
    asNode.post(
        "api/v1/nodes/" + node + "/heartbeats",
        heartbeat(
            "http://127.0.0.1:8090/", java.time.Instant.now().plusSeconds(1).toString(), true));
    assertThat(
            api()
                .get("api/v1/targets/" + node + "-disk1")
                .json()
                .getJsonObject("latestProbe")
                .getString("outcome"))
        .isEqualTo("OK");
    // Heartbeats are telemetry, not changes anyone decided: only refused ones reach the trail.
    assertThat(
            api()
                .get("api/v1/audit?operation=reportHeartbeat&outcome=SUCCEEDED")
                .json()
                .getJsonArray("items"))
        .isEmpty();
    assertThat(
            api()
                .get("api/v1/audit?operation=reportHeartbeat&outcome=REFUSED")
                .json()
                .getJsonArray("items"))
        .isNotEmpty();
  }

  @Test
  void aRealNodeEnrolsOnceHeartbeatsIsUnreachableWhenKilledAndComesBackWithoutItsToken()
      throws Exception {
    String dc = createDataCenter(unique("dc"));
    String name = unique("node");
    Path dir = Path.of(System.getProperty("strata.it.dir")).resolve("nodes").resolve(name);
    Files.createDirectories(dir);
    Path tokenFile = dir.resolve("token");
    Files.writeString(
        tokenFile,
        api()
            .post("api/v1/data-centers/" + dc + "/enrolment-tokens", "")
            .json()
            .getString("token"));
    int port = NodeProcess.freePort();
    List<String> args =
        List.of(
            "--center",
            root().toString(),
            "--data-center",
            dc,
            "--name",
            name,
            "--data",
            dir.resolve("data").toString(),
            "--port",
            Integer.toString(port),
            "--disk",
            "disk=" + dir.resolve("disk"),
            "--probe-interval",
            "PT1S");
    List<String> withToken = new java.util.ArrayList<>(args);
    withToken.addAll(List.of("--enrolment-token-file", tokenFile.toString()));
    String target = name + "-disk";
    NodeProcess node = NodeProcess.start(withToken.toArray(String[]::new));
    try {
      assertThat(node.awaitReady()).as(node.output()).contains("enrolled now with " + root());
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(dir.resolve("data/enrolment"))))
          .isEqualTo("rw-------");
      assertThat(Files.readString(dir.resolve("data/enrolment")))
          .doesNotContain(Files.readString(tokenFile).strip());
      // Its heartbeats register its disk, with the probes the node made of it.
      Poll.until(
          Duration.ofSeconds(60),
          "the node's own probe of its disk recorded",
          () -> {
            Api.Reply t = api().get("api/v1/targets/" + target);
            return t.status() == 200
                    && t.json().getJsonObject("latestProbe") != null
                    && t.json().getJsonObject("latestProbe").getString("outcome").equals("OK")
                ? Boolean.TRUE
                : null;
          });
      assertThat(api().get("api/v1/nodes").array().getValuesAs(JsonObject.class))
          .filteredOn(n -> n.getString("name").equals(name))
          .singleElement()
          .satisfies(
              n -> {
                assertThat(n.getBoolean("late")).isFalse();
                assertThat(n.getString("url")).isEqualTo("http://127.0.0.1:" + port + "/");
                assertThat(n.getJsonArray("targets").getString(0)).isEqualTo(target);
              });

      // The node trusts the key the center gave it: a session's grant opens the node's packs.
      assertThat(api().post("api/v1/targets/" + target + "/activate", "").status()).isEqualTo(200);
      String acme = createTenant(unique("acme"));
      Api asAgent = keyOf(createPrincipal(unique("laptop"), "AGENT", acme, null));
      String set = unique("home");
      asAgent.post(
          "api/v1/backup-sets", "{\"id\":\"" + set + "\",\"name\":\"H\",\"policy\":\"bronze\"}");
      JsonObject session =
          Poll.until(
              Duration.ofSeconds(60),
              "a backup session landing on the node",
              () -> {
                Api.Reply r =
                    asAgent.post(
                        "api/v1/backup-sets/" + set + "/sessions",
                        "{\"signingKey\":\"" + "ab".repeat(32) + "\"}");
                return r.status() == 201 && r.json().getString("node").equals(name)
                    ? r.json()
                    : null;
              });
      Api.Reply listed =
          new Api(URI.create(session.getString("nodeUrl")), Api.bearer(session.getString("grant")))
              .post(
                  "v1/tenants/" + acme + "/packs/query",
                  "{\"packs\":[\"" + "0".repeat(64) + "\"]}");
      assertThat(listed.status()).as(listed.body()).isEqualTo(200);
      assertThat(listed.json().getJsonArray("missing")).hasSize(1);

      // The token was spent: a second node cannot enrol with it.
      NodeProcess second =
          NodeProcess.start(
              "--center",
              root().toString(),
              "--data-center",
              dc,
              "--name",
              name + "b",
              "--data",
              dir.resolve("second").toString(),
              "--port",
              "0",
              "--enrolment-token-file",
              tokenFile.toString());
      assertThat(second.awaitExit()).as(second.output()).isEqualTo(1);
      assertThat(second.output()).contains("refused the enrolment token");
      assertThat(dir.resolve("second/enrolment")).doesNotExist();

      // Killed, it falls silent: after three heartbeat intervals its disk is unreachable.
      node.kill();
      Poll.until(
          Duration.ofSeconds(60),
          "the killed node's disk recorded unreachable",
          () ->
              api()
                      .get("api/v1/targets/" + target)
                      .json()
                      .getJsonObject("latestProbe")
                      .getString("detail", "")
                      .contains("no heartbeat")
                  ? Boolean.TRUE
                  : null);

      // Started again, without a token, it is back.
      node = NodeProcess.start(args.toArray(String[]::new));
      assertThat(node.awaitReady()).as(node.output()).contains("enrolled with " + root());
      Poll.until(
          Duration.ofSeconds(60),
          "the restarted node heard from and its disk probed again",
          () -> {
            JsonObject p =
                api().get("api/v1/targets/" + target).json().getJsonObject("latestProbe");
            boolean live =
                api().get("api/v1/nodes").array().getValuesAs(JsonObject.class).stream()
                    .anyMatch(n -> n.getString("name").equals(name) && !n.getBoolean("late"));
            return live && p.getString("outcome").equals("OK") ? Boolean.TRUE : null;
          });
    } finally {
      node.close();
    }
    assertThat(node.process.isAlive()).as("the node stopped on SIGTERM").isFalse();
  }
}
