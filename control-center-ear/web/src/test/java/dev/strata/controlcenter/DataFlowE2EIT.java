package dev.strata.controlcenter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole system as its users run it, on loopback: {@code ./strata server} (the control center
 * with the local data center's storage node), two more storage nodes in data centers dc2 and dc3 as
 * separate processes, each with a VTL and a disk, and the backup agent's command line. Backups
 * under {@code gold} land in three data centers and on a cartridge; restores are bit-exact with a
 * node killed and with a corrupt copy; a new machine with only the URL, a key and the passphrase
 * restores; a killed backup leaves nothing counted; packs can travel through the center.
 */
class DataFlowE2EIT {
  private static final Duration PATIENCE = Duration.ofSeconds(180);

  private static Path dir;
  private static Process launcher;
  private static final List<String> launcherOutput = new ArrayList<>();
  private static URI center;
  private static Api admin;
  private static final Map<String, NodeProcess> nodes = new TreeMap<>();
  private static final Map<String, Path> nodeData = new HashMap<>();
  private static final Map<String, Integer> nodePorts = new HashMap<>();

  private static Path repository() {
    return Path.of(System.getProperty("basedir", "."))
        .toAbsolutePath()
        .resolve("../..")
        .normalize();
  }

  @BeforeAll
  static void startTheSystem() throws Exception {
    dir = Path.of(System.getProperty("strata.it.dir")).resolve("e2e");
    if (Files.exists(dir)) {
      PathUtils.deleteDirectory(dir);
    }
    Files.createDirectories(dir);
    int port = NodeProcess.freePort();
    ProcessBuilder pb =
        new ProcessBuilder(
                repository().resolve("strata").toString(),
                "server",
                "--no-build",
                "--port",
                Integer.toString(port),
                "--node-port",
                Integer.toString(NodeProcess.freePort()),
                "--data",
                dir.resolve("center").toString())
            .redirectErrorStream(true);
    pb.environment()
        .put(
            "STRATA_JAVA_OPTS",
            "-XX:TieredStopAtLevel=1 -Dstrata.replication.interval.seconds=1"
                + " -Dstrata.node.heartbeat.seconds=1 -Dstrata.probe.interval.seconds=2");
    pb.environment().put("STRATA_NODE_OPTIONS", "--tape-deadline PT1S --probe-interval PT2S");
    launcher = pb.start();
    Thread reader =
        new Thread(
            () -> {
              try (var r = launcher.inputReader(StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                  synchronized (launcherOutput) {
                    launcherOutput.add(line);
                  }
                }
              } catch (IOException e) {
                // ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    Poll.until(
        Duration.ofSeconds(300),
        "the launcher to start the center and its node: " + launcherOutput,
        () -> {
          synchronized (launcherOutput) {
            if (!launcher.isAlive()) {
              throw new AssertionError("the launcher ended: " + launcherOutput);
            }
            return launcherOutput.stream().anyMatch(l -> l.contains("storage node local-node"));
          }
        });
    center = URI.create("http://127.0.0.1:" + port + "/");
    String password =
        Files.readString(dir.resolve("center/initial-admin-password"), StandardCharsets.UTF_8)
            .strip();
    admin = new Api(center, Api.basic("admin", password));
    for (String dc : List.of("dc2", "dc3")) {
      Api.Reply created =
          admin.post(
              "api/v1/data-centers",
              "{\"id\":\""
                  + dc
                  + "\",\"name\":\""
                  + dc
                  + "\",\"location\":\"far\",\"link\":\"WAN\"}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      startNode(dc, true);
    }
    // An operator admits the targets the remote nodes report (the local node's are admitted by
    // the embedded default).
    for (String dc : List.of("dc2", "dc3")) {
      for (String t : List.of(dc + "-node-disk", dc + "-node-vtl")) {
        Poll.until(
            PATIENCE, t + " reported", () -> admin.get("api/v1/targets/" + t).status() == 200);
        Api.Reply a = admin.post("api/v1/targets/" + t + "/activate", "");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
      }
    }
  }

  private static void startNode(String dc, boolean first) throws Exception {
    Path data = nodeData.computeIfAbsent(dc, d -> dir.resolve("nodes").resolve(d));
    Files.createDirectories(data);
    int port = nodePorts.computeIfAbsent(dc, d -> freePortUnchecked());
    List<String> args =
        new ArrayList<>(
            List.of(
                "--center",
                center.toString(),
                "--data-center",
                dc,
                "--name",
                dc + "-node",
                "--data",
                data.toString(),
                "--address",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--disk",
                "disk=" + data.resolve("disk"),
                "--vtl",
                "vtl=" + data.resolve("vtl"),
                "--tape-deadline",
                "PT1S",
                "--probe-interval",
                "PT2S"));
    if (first) {
      Api.Reply token = admin.post("api/v1/data-centers/" + dc + "/enrolment-tokens", "");
      assertThat(token.status()).as(token.body()).isEqualTo(201);
      Path tokenFile = dir.resolve(dc + ".token");
      Files.writeString(tokenFile, token.json().getString("token"));
      args.addAll(List.of("--enrolment-token-file", tokenFile.toString()));
    }
    NodeProcess node = NodeProcess.start(args.toArray(String[]::new));
    assertThat(node.awaitReady()).as(node.output()).isNotNull();
    nodes.put(dc, node);
  }

  private static int freePortUnchecked() {
    try {
      return NodeProcess.freePort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stopTheSystem() throws Exception {
    for (Map.Entry<String, NodeProcess> n : nodes.entrySet()) {
      n.getValue().close();
      // kept for whoever reads a failure: target/it/e2e/<dc>-node.log
      Files.writeString(dir.resolve(n.getKey() + "-node.log"), n.getValue().output());
    }
    if (launcher != null) {
      launcher.destroy();
      if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
        launcher.destroyForcibly();
      }
    }
  }

  // ---- the agent's command line

  record Run(int exit, String out, String err) {
    String lastLine() {
      String[] lines = out.strip().split("\n");
      return lines[lines.length - 1];
    }
  }

  /** A tenant with an agent; its key. */
  private static String agentOf(String tenant) {
    Api.Reply t = admin.post("api/v1/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"T\"}");
    assertThat(t.status()).as(t.body()).isEqualTo(201);
    String agent = "host@" + tenant;
    Api.Reply p =
        admin.post(
            "api/v1/principals",
            "{\"name\":\"" + agent + "\",\"role\":\"AGENT\",\"tenant\":\"" + tenant + "\"}");
    assertThat(p.status()).as(p.body()).isEqualTo(201);
    Api.Reply k = admin.post("api/v1/principals/" + agent + "/keys", "{\"label\":\"e2e\"}");
    assertThat(k.status()).as(k.body()).isEqualTo(201);
    return k.json().getString("token");
  }

  private static ProcessBuilder agent(String key, Path home, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(repository().resolve("strata").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    env.put("STRATA_AGENT_NO_BUILD", "1");
    env.put("STRATA_SERVER", center.toString());
    env.put("STRATA_API_KEY", key);
    env.put("STRATA_PASSWORD", "correct horse battery staple");
    env.put("TMPDIR", home.toString());
    env.put("HOSTNAME", "e2e-host");
    return pb;
  }

  private static Run run(String key, Path home, String... args) throws Exception {
    Files.createDirectories(home);
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    Process p =
        agent(key, home, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the agent did not end: " + Files.readString(err));
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static Run ok(String key, Path home, String... args) throws Exception {
    Run r = run(key, home, args);
    assertThat(r.exit()).as("strata %s\n%s\n%s", List.of(args), r.out(), r.err()).isZero();
    return r;
  }

  private static Path tree(Path root, long seed) throws IOException {
    Random random = new Random(seed);
    Files.createDirectories(root.resolve("docs/deep/er"));
    byte[] big = new byte[12 << 20];
    random.nextBytes(big);
    Files.write(root.resolve("big.bin"), big);
    Files.writeString(root.resolve("docs/readme.txt"), "hello, seed " + seed + "\n");
    Files.writeString(root.resolve("docs/deep/er/numbers.txt"), "1\n2\n3\n".repeat(20_000));
    Files.createSymbolicLink(root.resolve("docs/link"), Path.of("readme.txt"));
    return root;
  }

  private static Map<String, String> digests(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        String rel = root.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          out.put(rel, "link:" + Files.readSymbolicLink(p));
        } else if (Files.isRegularFile(p)) {
          out.put(rel, sha256(Files.readAllBytes(p)));
        } else {
          out.put(rel, "dir");
        }
      }
    }
    return out;
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path restoredCopy(Path target, Path source) {
    return target.resolve(source.toAbsolutePath().toString().substring(1));
  }

  private static JsonObject snapshot(Api api, String id) {
    Api.Reply r = api.get("api/v1/snapshots/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static List<JsonObject> copies(JsonObject detail) {
    return detail.getJsonArray("copies").stream().map(JsonValue::asJsonObject).toList();
  }

  // ---- the scenarios

  @Test
  void goldCopiesLandInThreeDataCentersAndOnTapeAndRestoreSurvivesAKilledNodeAndACorruptCopy()
      throws Exception {
    String key = agentOf("gold-co");
    Api api = new Api(center, Api.bearer(key));
    Path home = dir.resolve("gold-home");
    Path src = tree(dir.resolve("gold-src"), 1);
    ok(key, home, "init");
    Run backup = ok(key, home, "backup", "--policy", "gold", src.toString());
    String id = backup.lastLine();
    assertThat(backup.out()).contains("under policy gold");

    // The policy's copies are made and read back: three data centers, one on a cartridge.
    JsonObject detail;
    try {
      detail =
          Poll.until(
              PATIENCE,
              "snapshot " + id + " protected under gold",
              () -> {
                JsonObject d = snapshot(api, id);
                JsonObject protection = d.getJsonObject("snapshot").getJsonObject("protection");
                return "PROTECTED".equals(protection.getString("state")) ? d : null;
              });
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage()
              + "\nsnapshot: "
              + snapshot(api, id)
              + "\npool: "
              + admin.get("api/v1/pool").body()
              + "\nnodes: "
              + admin.get("api/v1/nodes").body(),
          e);
    }
    List<JsonObject> copies = copies(detail);
    List<String> packs =
        detail.getJsonArray("packs").stream()
            .map(v -> ((jakarta.json.JsonString) v).getString())
            .toList();
    for (String pack : packs) {
      List<JsonObject> ofPack =
          copies.stream().filter(c -> c.getString("pack").equals(pack)).toList();
      assertThat(ofPack.stream().map(c -> c.getString("dataCenter")).collect(Collectors.toSet()))
          .as("data centers of pack %s: %s", pack, ofPack)
          .containsExactlyInAnyOrder("local", "dc2", "dc3");
      assertThat(ofPack)
          .as("a copy of pack %s on a cartridge", pack)
          .anySatisfy(
              c -> {
                assertThat(c.getString("mediaClass")).isEqualTo("TAPE");
                assertThat(c.getString("medium", "")).isNotBlank();
                assertThat(c.getJsonNumber("tapeFileNumber")).isNotNull();
              });
      assertThat(ofPack).anySatisfy(c -> assertThat(c.getString("mediaClass")).isEqualTo("DISK"));
    }

    // A restore is estimated before it starts and is bit-exact.
    Api.Reply estimate = api.post("api/v1/restores/estimate", "{\"snapshot\":\"" + id + "\"}");
    assertThat(estimate.status()).as(estimate.body()).isEqualTo(200);
    assertThat(estimate.json().getInt("packs")).isEqualTo(packs.size());
    Path first = dir.resolve("gold-restore-1");
    Run restored = ok(key, home, "restore", id, "--target", first.toString());
    assertThat(restored.err()).contains("estimated");
    assertThat(digests(restoredCopy(first, src))).isEqualTo(digests(src));

    // The copy the center reads first is corrupted on its disk: the restore reads the next copy,
    // says so, and the center marks the corrupt one suspect.
    String chosen = estimate.json().getJsonArray("parts").getJsonObject(0).getString("target");
    Path chosenDisk = diskOf(chosen);
    List<Path> flipped = new ArrayList<>();
    for (String pack : packs) {
      try (Stream<Path> files = Files.walk(chosenDisk)) {
        for (Path f : files.filter(p -> p.getFileName().toString().contains(pack)).toList()) {
          flip(f, Files.size(f) / 2);
          flipped.add(f);
        }
      }
    }
    assertThat(flipped).as("packs on %s (%s)", chosen, chosenDisk).isNotEmpty();
    Path second = dir.resolve("gold-restore-2");
    Run failover = ok(key, home, "restore", id, "--target", second.toString());
    assertThat(digests(restoredCopy(second, src))).isEqualTo(digests(src));
    assertThat(failover.err()).contains("damaged");
    JsonObject last =
        api.get("api/v1/restores?limit=1").json().getJsonArray("items").getJsonObject(0);
    assertThat(last.getInt("failovers")).isPositive();
    assertThat(copies(snapshot(api, id)))
        .anySatisfy(
            c -> {
              assertThat(c.getString("target")).isEqualTo(chosen);
              assertThat(c.getString("state")).isEqualTo("SUSPECT");
            });

    // A node killed: its targets go unreachable, the restore reads the other copies.
    NodeProcess dc2 = nodes.get("dc2");
    dc2.kill();
    try {
      Poll.until(
          PATIENCE,
          "dc2's node late",
          () ->
              admin.get("api/v1/nodes").array().stream()
                  .map(JsonValue::asJsonObject)
                  .anyMatch(n -> n.getString("name").equals("dc2-node") && n.getBoolean("late")));
      Path third = dir.resolve("gold-restore-3");
      ok(key, home, "restore", id, "--target", third.toString());
      assertThat(digests(restoredCopy(third, src))).isEqualTo(digests(src));
    } finally {
      // Restarted, it needs no token and is heard from again.
      startNode("dc2", false);
    }
    Poll.until(
        PATIENCE,
        "dc2's node heard from again",
        () ->
            admin.get("api/v1/nodes").array().stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(n -> n.getString("name").equals("dc2-node") && !n.getBoolean("late")));
  }

  /** The disk directory of a node's target id ({@code <node>-disk}). */
  private static Path diskOf(String target) {
    if (target.startsWith("local-node")) {
      return dir.resolve("center/node/disk");
    }
    String dc = target.substring(0, target.indexOf("-node"));
    return nodeData.get(dc).resolve("disk");
  }

  private static void flip(Path file, long at) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(at);
      int b = f.read();
      f.seek(at);
      f.write(b ^ 0x40);
    }
  }

  @Test
  void aNewMachineWithOnlyTheUrlAKeyAndThePassphraseRestoresEverything() throws Exception {
    String key = agentOf("lost-laptop");
    Path src = tree(dir.resolve("laptop-src"), 2);
    ok(key, dir.resolve("laptop-home"), "init");
    String id =
        ok(key, dir.resolve("laptop-home"), "backup", "--policy", "bronze", src.toString())
            .lastLine();
    // Another machine: nothing of the first one's, only what the environment carries.
    Path fresh = dir.resolve("new-machine");
    Run list = ok(key, fresh, "snapshots");
    assertThat(list.out()).contains(id.substring(0, 8));
    Path target = dir.resolve("new-machine-restore");
    ok(key, fresh, "restore", "latest", "--target", target.toString());
    assertThat(digests(restoredCopy(target, src))).isEqualTo(digests(src));
    // The wrong passphrase opens nothing.
    ProcessBuilder wrong = agent(key, fresh, "snapshots");
    wrong.environment().put("STRATA_PASSWORD", "not the passphrase");
    Process p = wrong.redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(said).isNotZero();
  }

  @Test
  void aKilledBackupLeavesNoSnapshotAndTheNextOneReusesWhatWasUploaded() throws Exception {
    String key = agentOf("killed");
    Api api = new Api(center, Api.bearer(key));
    Path home = dir.resolve("killed-home");
    Path src = dir.resolve("killed-src");
    Files.createDirectories(src);
    Random random = new Random(3);
    for (int i = 0; i < 12; i++) {
      byte[] b = new byte[8 << 20];
      random.nextBytes(b);
      Files.write(src.resolve("f" + i + ".bin"), b);
    }
    ok(key, home, "init");
    Process p =
        agent(key, home, "backup", "--policy", "bronze", "--backup-set", "killed", src.toString())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("killed.out").toFile())
            .start();
    // Killed once some packs are stored, before the snapshot is committed.
    Poll.until(
        PATIENCE,
        "some packs uploaded",
        () ->
            !api.get("api/v1/tenants/killed/repository/packs")
                .json()
                .getJsonArray("items")
                .isEmpty());
    p.destroyForcibly();
    p.waitFor(60, TimeUnit.SECONDS);
    assertThat(api.get("api/v1/backup-sets/killed/snapshots").json().getJsonArray("items").size())
        .as("snapshots after the kill")
        .isZero();
    int before =
        api.get("api/v1/tenants/killed/repository/packs?limit=1000")
            .json()
            .getJsonArray("items")
            .size();
    Run again = ok(key, home, "backup", "--json", "--backup-set", "killed", src.toString());
    JsonObject result = Json.read(again.out());
    assertThat(result.getJsonNumber("bytesAdded").longValue())
        .as("bytes added again (of %d)", 96L << 20)
        .isLessThan(96L << 20);
    assertThat(before).isPositive();
    JsonArray snaps = api.get("api/v1/backup-sets/killed/snapshots").json().getJsonArray("items");
    assertThat(snaps).hasSize(1);
    Path target = dir.resolve("killed-restore");
    ok(key, home, "restore", "latest", "--target", target.toString());
    assertThat(digests(restoredCopy(target, src))).isEqualTo(digests(src));
  }

  @Test
  void packsCanTravelThroughTheCenterAndAForeignTenantReadsNothing() throws Exception {
    String key = agentOf("nat-ed");
    Path home = dir.resolve("nat-home");
    Path src = tree(dir.resolve("nat-src"), 4);
    ok(key, home, "init");
    String id =
        ok(key, home, "backup", "--policy", "silver", "--through-center", src.toString())
            .lastLine();
    Path target = dir.resolve("nat-restore");
    ok(key, home, "restore", id, "--target", target.toString());
    assertThat(digests(restoredCopy(target, src))).isEqualTo(digests(src));

    String other = agentOf("other-co");
    Api foreign = new Api(center, Api.bearer(other));
    assertThat(foreign.get("api/v1/snapshots/" + id).status()).isEqualTo(404);
    assertThat(
            foreign
                .post("api/v1/restores", "{\"snapshot\":\"" + id + "\",\"directory\":\"/x\"}")
                .status())
        .isEqualTo(404);
    Run refused =
        run(
            other,
            dir.resolve("other-home"),
            "restore",
            id,
            "--target",
            dir.resolve("x").toString());
    assertThat(refused.exit()).isNotZero();
    assertThat(refused.err()).contains("no repository");
  }

  /** Parses JSON text. */
  static final class Json {
    static JsonObject read(String text) {
      try (var r = jakarta.json.Json.createReader(new java.io.StringReader(text.strip()))) {
        return r.readObject();
      }
    }
  }
}
