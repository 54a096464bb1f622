package dev.strata.node;

import static dev.strata.format.grant.GrantOperation.NODE_READ;
import static dev.strata.format.grant.GrantOperation.PACK_COPY;
import static dev.strata.format.grant.GrantOperation.PACK_LIST;
import static dev.strata.format.grant.GrantOperation.PACK_READ;
import static dev.strata.format.grant.GrantOperation.PACK_WRITE;
import static dev.strata.format.grant.GrantOperation.TAPE_RECALL;
import static dev.strata.format.grant.GrantOperation.TAPE_WRITE;
import static dev.strata.format.grant.GrantOperation.VERIFY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.format.repo.MasterKeys;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tape and copies with nodes as real processes: a node killed with SIGKILL in the middle of a tape
 * batch reports nothing of it as written, keeps its staged tasks, resumes them on restart and then
 * reports every pack with barcode, tape file and block, each read back and verified from tape with
 * zero back-hitches while the batch streamed; a pack recalled from tape lands verified; a copy to a
 * second node is verified there.
 */
class TapeAndCopyProcessTest {
  @TempDir Path dir;

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  private static HttpResponse<byte[]> post(URI node, String path, String grant, String json)
      throws Exception {
    return TestKit.send(
        TestKit.req(node, path, grant)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static String[] nodeArgs(Path dir, Path centerKey, String dc) {
    return new String[] {
      "--data-center",
      dc,
      "--data",
      dir.resolve(dc).toString(),
      "--port",
      "0",
      "--center-key",
      centerKey.toString(),
      "--probe-interval",
      "PT0S",
      "--vtl",
      "lib1=" + dir.resolve(dc + "-vtl"),
      "--tape-batch",
      "1T",
      "--tape-deadline",
      "PT24H"
    };
  }

  private static String packsJson(List<String> names) {
    return "{\"packs\":["
        + names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(","))
        + "]}";
  }

  @Test
  void aNodeKilledMidTapeWriteResumesAndReportsOnlyWhatIsOnTape() throws Exception {
    TestKit.Center center = new TestKit.Center(dir.resolve("center"));
    MasterKeys agent = TestKit.repository();
    String all =
        center.grant(
            "acme",
            "dc2",
            Set.of(PACK_WRITE, PACK_READ, PACK_LIST, TAPE_WRITE, TAPE_RECALL, VERIFY, PACK_COPY),
            List.of(agent.publicKey()));
    String nodeRead = center.grant("", "dc2", Set.of(NODE_READ), List.of());
    String flushGrant = center.grant("acme", "dc2", Set.of(TAPE_WRITE), List.of());
    List<String> names = new ArrayList<>();
    TestKit.NodeProcess node =
        TestKit.NodeProcess.start(
            dir.resolve("n1.log"), nodeArgs(dir, center.publicKeyFile, "dc2"));
    try {
      for (int i = 0; i < 40; i++) {
        byte[] pack = TestKit.pack(agent, 6 << 20, 100 + i);
        String name = TestKit.sha(pack);
        names.add(name);
        HttpResponse<byte[]> r =
            TestKit.send(
                TestKit.req(node.uri, "v1/tenants/acme/packs/" + name, all)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(pack))
                    .build());
        assertThat(r.statusCode()).as(text(r)).isEqualTo(201);
      }
      HttpResponse<byte[]> staged =
          post(node.uri, "v1/tenants/acme/tape/pools/gold/staged", all, packsJson(names));
      assertThat(staged.statusCode()).as(text(staged)).isEqualTo(200);
      // The governor holds the batch (1 TiB or a day): nothing is mounted yet.
      assertThat(text(TestKit.send(TestKit.req(node.uri, "v1/node/tape", nodeRead).build())))
          .contains("\"drives\":[]");
      post(node.uri, "v1/node/tape/pools/gold/flush", flushGrant, "");
      Path media = dir.resolve("dc2/tape/media.properties");
      TestKit.await("a batch to begin", Duration.ofSeconds(60), () -> batchInProgress(media));
      node.kill();
    } finally {
      node.process.destroyForcibly();
    }
    assertThat(batchInProgress(media(dir))).as("killed in the middle of the batch").isTrue();
    String journal =
        Files.exists(dir.resolve("dc2/tape/copies.journal"))
            ? Files.readString(dir.resolve("dc2/tape/copies.journal"))
            : "";
    assertThat(journal).as("nothing of the interrupted batch was reported").isEmpty();
    try (var tasks = Files.list(dir.resolve("dc2/tape/tasks"))) {
      assertThat(tasks.count()).as("every staged task survived").isEqualTo(40);
    }

    TestKit.NodeProcess again =
        TestKit.NodeProcess.start(
            dir.resolve("n2.log"), nodeArgs(dir, center.publicKeyFile, "dc2"));
    TestKit.NodeProcess second =
        TestKit.NodeProcess.start(
            dir.resolve("n3.log"), nodeArgs(dir, center.publicKeyFile, "dc3"));
    try {
      post(again.uri, "v1/node/tape/pools/gold/flush", flushGrant, "");
      for (String name : names) {
        TestKit.await(
            "pack " + name + " on tape",
            Duration.ofSeconds(120),
            () -> {
              try {
                return text(TestKit.send(
                        TestKit.req(again.uri, "v1/tenants/acme/tape/pools/gold/packs/" + name, all)
                            .build()))
                    .contains("WRITTEN");
              } catch (Exception e) {
                return false;
              }
            });
      }
      String first =
          text(
              TestKit.send(
                  TestKit.req(
                          again.uri, "v1/tenants/acme/tape/pools/gold/packs/" + names.get(0), all)
                      .build()));
      assertThat(first).contains("\"barcode\":\"STR").contains("\"file\":1").contains("\"block\":");
      for (String name : List.of(names.get(0), names.get(39))) {
        String v =
            text(
                post(
                    again.uri,
                    "v1/tenants/acme/verifications",
                    all,
                    "{\"pack\":\"" + name + "\",\"copy\":\"tape:gold\"}"));
        assertThat(v).contains("\"ok\":true").contains(agent.publicKey().toString());
      }
      String metrics = text(TestKit.send(TestKit.req(again.uri, "metrics", null).build()));
      assertThat(metrics).contains("strata_node_drive_backhitches_streaming_total");
      assertThat(
              metrics
                  .lines()
                  .filter(l -> l.startsWith("strata_node_drive_backhitches_streaming_total")))
          .allMatch(l -> l.endsWith(" 0"));

      // The catalog's view: every flushed piece of the tenant, with a cursor to page on.
      String copies =
          text(
              TestKit.send(
                  TestKit.req(again.uri, "v1/tenants/acme/tape/copies?limit=10000", all).build()));
      for (String name : names) {
        assertThat(copies).contains("\"pack\":\"" + name + "\"");
      }
      String page =
          text(
              TestKit.send(
                  TestKit.req(again.uri, "v1/tenants/acme/tape/copies?after=0&limit=1", all)
                      .build()));
      assertThat(page).contains("\"sequence\":1").doesNotContain("\"sequence\":0");

      // The library's data path, probed where it lives (a probe cartridge, a drive nobody holds).
      HttpResponse<byte[]> probe = post(again.uri, "v1/node/targets/lib1/probes", nodeRead, "");
      assertThat(text(probe)).contains("\"dataPathTested\":true").contains("\"verified\":true");

      // Recall: remove the landing copy, recall from tape, read it back whole.
      String gone = names.get(7);
      removeLandingCopy(dir.resolve("dc2/packs"), gone);
      assertThat(
              TestKit.send(TestKit.req(again.uri, "v1/tenants/acme/packs/" + gone, all).build())
                  .statusCode())
          .isEqualTo(404);
      HttpResponse<byte[]> recalled =
          post(again.uri, "v1/tenants/acme/recalls", all, packsJson(List.of(gone, names.get(8))));
      assertThat(text(recalled)).contains("\"mounts\":1").contains(gone);
      byte[] back =
          TestKit.send(TestKit.req(again.uri, "v1/tenants/acme/packs/" + gone, all).build()).body();
      assertThat(TestKit.sha(back)).isEqualTo(gone);

      // Copy to the node of dc3 with a grant for dc3: verified on arrival there.
      String dc3Write =
          center.grant("acme", "dc3", Set.of(PACK_WRITE, PACK_READ), List.of(agent.publicKey()));
      HttpResponse<byte[]> copied =
          post(
              again.uri,
              "v1/tenants/acme/copies",
              all,
              "{\"packs\":[\""
                  + names.get(3)
                  + "\"],\"node\":\""
                  + second.uri
                  + "\",\"grant\":\""
                  + dc3Write
                  + "\"}");
      assertThat(text(copied)).contains("\"ok\":true").contains("\"created\":true");
      byte[] there =
          TestKit.send(
                  TestKit.req(second.uri, "v1/tenants/acme/packs/" + names.get(3), dc3Write)
                      .build())
              .body();
      assertThat(TestKit.sha(there)).isEqualTo(names.get(3));
      // A grant for dc3 that does not allow the pack's signer: refused there, nothing kept.
      String wrongSigner = center.grant("acme", "dc3", Set.of(PACK_WRITE), List.of());
      HttpResponse<byte[]> refused =
          post(
              again.uri,
              "v1/tenants/acme/copies",
              all,
              "{\"packs\":[\""
                  + names.get(4)
                  + "\"],\"node\":\""
                  + second.uri
                  + "\",\"grant\":\""
                  + wrongSigner
                  + "\"}");
      assertThat(text(refused)).contains("\"ok\":false").contains("403");
    } finally {
      again.close();
      second.close();
    }
  }

  private static Path media(Path dir) {
    return dir.resolve("dc2/tape/media.properties");
  }

  /** A cartridge is marked with the file its running batch began at. */
  private static boolean batchInProgress(Path media) {
    try {
      return Files.exists(media)
          && Files.readAllLines(media).stream()
              .filter(l -> !l.startsWith("#"))
              .anyMatch(l -> l.contains("FILLING") && !l.endsWith(" -1"));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static void removeLandingCopy(Path store, String pack) throws Exception {
    try (var files = Files.walk(store.resolve("packs"))) {
      for (Path p : files.filter(f -> f.getFileName().toString().equals("acme~" + pack)).toList()) {
        Files.delete(p);
      }
    }
  }
}
