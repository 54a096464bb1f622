package dev.strata.node;

import static dev.strata.format.grant.GrantOperation.NODE_READ;
import static dev.strata.format.grant.GrantOperation.PACK_LIST;
import static dev.strata.format.grant.GrantOperation.PACK_READ;
import static dev.strata.format.grant.GrantOperation.PACK_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.format.repo.MasterKeys;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pack data plane of a node started as its own process on 127.0.0.1: verified uploads that are
 * durable before the answer, idempotent retries, range reads, dedup queries, and every refusal —
 * forged, misnamed, truncated, untrusted signer, other tenant, no or expired grant — leaving
 * nothing behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackApiProcessTest {
  @TempDir static Path dir;
  TestKit.Center center;
  TestKit.NodeProcess node;
  final MasterKeys agent = TestKit.repository();
  String writeA;
  String readA;

  @BeforeAll
  void start() throws Exception {
    center = new TestKit.Center(dir.resolve("center"));
    node =
        TestKit.NodeProcess.start(
            dir.resolve("node.log"),
            "--data-center",
            "dc2",
            "--data",
            dir.resolve("node").toString(),
            "--port",
            "0",
            "--center-key",
            center.publicKeyFile.toString(),
            "--probe-interval",
            "PT0S");
    writeA = center.grant("acme", "dc2", Set.of(PACK_WRITE, PACK_LIST), List.of(agent.publicKey()));
    readA = center.grant("acme", "dc2", Set.of(PACK_READ, PACK_LIST), List.of());
  }

  @AfterAll
  void stop() throws Exception {
    node.close();
  }

  private HttpResponse<byte[]> put(String tenant, String name, byte[] body, String grant)
      throws Exception {
    return TestKit.send(
        TestKit.req(node.uri, "v1/tenants/" + tenant + "/packs/" + name, grant)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  private int head(String tenant, String name) throws Exception {
    return TestKit.send(
            TestKit.req(node.uri, "v1/tenants/" + tenant + "/packs/" + name, readA)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build())
        .statusCode();
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** Everything under the landing store but the finished packs: must stay empty after refusals. */
  private List<Path> leftovers() throws Exception {
    Path tmp = dir.resolve("node/packs/tmp");
    try (Stream<Path> s = Files.list(tmp)) {
      return s.toList();
    }
  }

  @Test
  void storesAVerifiedPackAndAnswersARetryCheaply() throws Exception {
    byte[] pack = TestKit.pack(agent, 3 << 20, 1);
    String name = TestKit.sha(pack);
    HttpResponse<byte[]> first = put("acme", name, pack, writeA);
    assertThat(first.statusCode()).as(text(first)).isEqualTo(201);
    assertThat(text(first)).contains("\"created\":true").contains(agent.publicKey().toString());
    HttpResponse<byte[]> again = put("acme", name, pack, writeA);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(text(again)).contains("\"created\":false");

    HttpResponse<byte[]> whole =
        TestKit.send(TestKit.req(node.uri, "v1/tenants/acme/packs/" + name, readA).build());
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(pack);

    HttpResponse<byte[]> range =
        TestKit.send(
            TestKit.req(node.uri, "v1/tenants/acme/packs/" + name, readA)
                .header("Range", "bytes=1000-1999")
                .build());
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.headers().firstValue("Content-Range"))
        .contains("bytes 1000-1999/" + pack.length);
    assertThat(range.body()).isEqualTo(Arrays.copyOfRange(pack, 1000, 2000));

    HttpResponse<byte[]> tail =
        TestKit.send(
            TestKit.req(node.uri, "v1/tenants/acme/packs/" + name, readA)
                .header("Range", "bytes=-116")
                .build());
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(pack, pack.length - 116, pack.length));

    HttpResponse<byte[]> beyond =
        TestKit.send(
            TestKit.req(node.uri, "v1/tenants/acme/packs/" + name, readA)
                .header("Range", "bytes=" + pack.length + "-")
                .build());
    assertThat(beyond.statusCode()).isEqualTo(416);

    assertThat(head("acme", name)).isEqualTo(200);
    String missing = TestKit.sha(new byte[] {1});
    HttpResponse<byte[]> q =
        TestKit.send(
            TestKit.req(node.uri, "v1/tenants/acme/packs/query", readA)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"packs\":[\"" + name + "\",\"" + missing + "\"]}"))
                .build());
    assertThat(q.statusCode()).isEqualTo(200);
    assertThat(text(q))
        .contains("\"present\":[{\"length\":" + pack.length + ",\"pack\":\"" + name + "\"}]")
        .contains("\"missing\":[\"" + missing + "\"]");
  }

  @Test
  void refusesAForgedPackAndKeepsNothing() throws Exception {
    byte[] pack = TestKit.pack(agent, 1 << 20, 2);
    pack[5000] ^= 1; // altered after signing; named by its new hash, so only the signature tells
    String name = TestKit.sha(pack);
    HttpResponse<byte[]> r = put("acme", name, pack, writeA);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(text(r)).contains("signature does not verify");
    assertThat(head("acme", name)).isEqualTo(404);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void refusesAMisnamedPack() throws Exception {
    byte[] pack = TestKit.pack(agent, 100_000, 3);
    String wrong = TestKit.sha(new byte[] {9});
    HttpResponse<byte[]> r = put("acme", wrong, pack, writeA);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(text(r)).contains("SHA-256");
    assertThat(head("acme", wrong)).isEqualTo(404);
  }

  @Test
  void aTruncatedUploadLeavesNothing() throws Exception {
    byte[] pack = TestKit.pack(agent, 2 << 20, 4);
    String name = TestKit.sha(pack);
    try (Socket s = new Socket(node.uri.getHost(), node.uri.getPort())) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("PUT /v1/tenants/acme/packs/"
                  + name
                  + " HTTP/1.1\r\nHost: x\r\n"
                  + "Authorization: Bearer "
                  + writeA
                  + "\r\nContent-Type: application/octet-stream\r\n"
                  + "Content-Length: "
                  + pack.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(pack, 0, pack.length / 2);
      out.flush();
    } // the client goes away half-way
    TestKit.await(
        "the node to drop the cut upload",
        Duration.ofSeconds(30),
        () -> {
          try {
            return leftovers().isEmpty();
          } catch (Exception e) {
            return false;
          }
        });
    assertThat(head("acme", name)).isEqualTo(404);
  }

  @Test
  void refusesAPackSignedByAKeyTheGrantDoesNotName() throws Exception {
    MasterKeys stranger = TestKit.repository();
    byte[] pack = TestKit.pack(stranger, 200_000, 5);
    HttpResponse<byte[]> r = put("acme", TestKit.sha(pack), pack, writeA);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(text(r)).contains("signer-not-granted");
    assertThat(head("acme", TestKit.sha(pack))).isEqualTo(404);
  }

  @Test
  void oneTenantsGrantNeverReachesAnothersPacks() throws Exception {
    byte[] pack = TestKit.pack(agent, 150_000, 6);
    String name = TestKit.sha(pack);
    assertThat(put("acme", name, pack, writeA).statusCode()).isEqualTo(201);
    String otherRead = center.grant("globex", "dc2", Set.of(PACK_READ, PACK_LIST), List.of());
    HttpResponse<byte[]> cross =
        TestKit.send(TestKit.req(node.uri, "v1/tenants/acme/packs/" + name, otherRead).build());
    assertThat(cross.statusCode()).isEqualTo(403);
    // Under its own name the other tenant has no such pack, though the bytes are on this node.
    HttpResponse<byte[]> own =
        TestKit.send(TestKit.req(node.uri, "v1/tenants/globex/packs/" + name, otherRead).build());
    assertThat(own.statusCode()).isEqualTo(404);
    String otherWrite =
        center.grant("globex", "dc2", Set.of(PACK_WRITE), List.of(agent.publicKey()));
    assertThat(put("acme", name, pack, otherWrite).statusCode()).isEqualTo(403);
  }

  @Test
  void refusesCallsWithoutAValidGrantForThisNode() throws Exception {
    byte[] pack = TestKit.pack(agent, 100_000, 7);
    String name = TestKit.sha(pack);
    assertThat(put("acme", name, pack, null).statusCode()).isEqualTo(401);
    String expired =
        center.grant(
            "acme",
            "dc2",
            Set.of(PACK_WRITE),
            List.of(agent.publicKey()),
            Instant.now().minus(Duration.ofHours(2)),
            Duration.ofHours(1));
    HttpResponse<byte[]> r = put("acme", name, pack, expired);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(text(r)).contains("expired");
    String elsewhere = center.grant("acme", "dc9", Set.of(PACK_WRITE), List.of(agent.publicKey()));
    assertThat(put("acme", name, pack, elsewhere).statusCode()).isEqualTo(403);
    String readOnly = center.grant("acme", "dc2", Set.of(PACK_READ), List.of(agent.publicKey()));
    assertThat(put("acme", name, pack, readOnly).statusCode()).isEqualTo(403);
    TestKit.Center rogue = new TestKit.Center(dir.resolve("rogue"));
    String forged = rogue.grant("acme", "dc2", Set.of(PACK_WRITE), List.of(agent.publicKey()));
    assertThat(put("acme", name, pack, forged).statusCode()).isEqualTo(401);
    assertThat(head("acme", name)).isEqualTo(404);
  }

  @Test
  void servesHealthMetricsAndItsTargets() throws Exception {
    assertThat(TestKit.send(TestKit.req(node.uri, "health", null).build()).statusCode())
        .isEqualTo(200);
    String metrics = text(TestKit.send(TestKit.req(node.uri, "metrics", null).build()));
    assertThat(metrics)
        .contains("strata_node_packs_received_total{node=\"dc2-node\",outcome=\"stored\"}");
    String nodeRead = center.grant("", "dc2", Set.of(NODE_READ), List.of());
    HttpResponse<byte[]> self = TestKit.send(TestKit.req(node.uri, "v1/node", nodeRead).build());
    assertThat(text(self)).contains("\"dataCenter\":\"dc2\"");
    HttpResponse<byte[]> unknown =
        TestKit.send(TestKit.req(node.uri, "v1/nothing", nodeRead).build());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
  }
}
