package dev.strata.node;

import static dev.strata.format.grant.GrantOperation.NODE_READ;
import static dev.strata.format.grant.GrantOperation.PACK_WRITE;
import static dev.strata.format.grant.GrantOperation.TAPE_WRITE;

import dev.strata.disk.LocalPackStore;
import dev.strata.disk.PackName;
import dev.strata.disk.Sha256;
import dev.strata.format.repo.MasterKeys;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whole-process benchmark of a storage node (run by {@code bench/node.sh}, never by the test
 * suite): {@code count} real packs of {@code packMiB} MiB (signed, incompressible) are written
 * straight into a {@link LocalPackStore}, then uploaded one after the other to a node started as
 * its own process with the same store layout on the same disk; then staged for tape and written to
 * the node's VTL (LTO-9 timing model) as one batch. Prints MB/s, the ratio, the drive's feed rate
 * and its back-hitches.
 *
 * <p>Usage: {@code NodeBenchmark DIR PACK_MIB COUNT}
 */
public final class NodeBenchmark {
  private static final int ROUNDS = 5;

  private NodeBenchmark() {}

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.sort(null);
    return s.get(s.size() / 2);
  }

  private static void deleteTree(Path p) throws java.io.IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int packMiB = Integer.parseInt(args[1]);
    int count = Integer.parseInt(args[2]);
    MasterKeys agent = TestKit.repository();
    Path src = Files.createDirectories(dir.resolve("src"));
    List<Path> files = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] pack = TestKit.pack(agent, packMiB << 20, 1000 + i);
      String name = TestKit.sha(pack);
      Path f = src.resolve(name);
      Files.write(f, pack);
      files.add(f);
      names.add(name);
    }
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }

    TestKit.Center center = new TestKit.Center(dir.resolve("center"));
    try (TestKit.NodeProcess node =
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
            "PT0S",
            "--vtl",
            "lib1=" + dir.resolve("vtl"),
            "--tape-batch",
            "1T",
            "--tape-deadline",
            "PT24H")) {
      String grant =
          center.grant("acme", "dc2", Set.of(PACK_WRITE, TAPE_WRITE), List.of(agent.publicKey()));
      // Alternate the two, so that the disk's drift (other writers, writeback) hits both alike.
      List<Double> directRates = new ArrayList<>();
      List<Double> nodeRates = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        Path d = Files.createDirectories(dir.resolve("direct-" + round));
        LocalPackStore direct =
            LocalPackStore.initialise(d, Clock.systemUTC(), new java.security.SecureRandom());
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
          Path f = files.get(i);
          direct.put(
              PackName.of("acme/" + names.get(i)),
              () -> Files.newInputStream(f),
              Files.size(f),
              Sha256.of(HexFormat.of().parseHex(names.get(i))));
        }
        directRates.add(bytes / ((System.nanoTime() - t0) / 1e9) / 1e6);
        deleteTree(d);
        if (round > 0) {
          deleteTree(dir.resolve("node/packs/packs"));
          Files.createDirectories(dir.resolve("node/packs/packs"));
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < count; i++) {
          HttpResponse<String> r =
              TestKit.HTTP.send(
                  TestKit.req(node.uri, "v1/tenants/acme/packs/" + names.get(i), grant)
                      .PUT(HttpRequest.BodyPublishers.ofFile(files.get(i)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 201) {
            throw new IllegalStateException("upload refused: " + r.statusCode() + " " + r.body());
          }
        }
        nodeRates.add(bytes / ((System.nanoTime() - t1) / 1e9) / 1e6);
        System.out.printf(
            Locale.ROOT,
            "round %d: direct %.0f MB/s, node %.0f MB/s%n",
            round,
            directRates.get(round),
            nodeRates.get(round));
      }
      double directRate = median(directRates);
      double nodeRate = median(nodeRates);
      System.out.printf(
          Locale.ROOT, "direct LocalPackStore put %.0f MB/s (median of %d)%n", directRate, ROUNDS);
      System.out.printf(
          Locale.ROOT, "upload into a node %.0f MB/s (median of %d)%n", nodeRate, ROUNDS);
      System.out.printf(Locale.ROOT, "node / direct = %.2f%n", nodeRate / directRate);

      StringBuilder json = new StringBuilder("{\"packs\":[");
      for (int i = 0; i < count; i++) {
        json.append(i == 0 ? "" : ",").append('"').append(names.get(i)).append('"');
      }
      json.append("]}");
      TestKit.send(
          TestKit.req(node.uri, "v1/tenants/acme/tape/pools/gold/staged", grant)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json.toString()))
              .build());
      long t2 = System.nanoTime();
      TestKit.send(
          TestKit.req(node.uri, "v1/node/tape/pools/gold/flush", grant)
              .POST(HttpRequest.BodyPublishers.noBody())
              .build());
      String last = names.get(count - 1);
      TestKit.await(
          "the batch on tape",
          Duration.ofMinutes(10),
          () -> {
            try {
              return new String(
                      TestKit.send(
                              TestKit.req(
                                      node.uri,
                                      "v1/tenants/acme/tape/pools/gold/packs/" + last,
                                      grant)
                                  .build())
                          .body(),
                      StandardCharsets.UTF_8)
                  .contains("WRITTEN");
            } catch (Exception e) {
              return false;
            }
          });
      System.out.printf(
          Locale.ROOT,
          "tape batch wall time %.1f s for %d MB%n",
          (System.nanoTime() - t2) / 1e9,
          bytes / 1_000_000);
      String read = center.grant("", "dc2", Set.of(NODE_READ), List.of());
      System.out.println(
          new String(
              TestKit.send(TestKit.req(node.uri, "v1/node/tape", read).build()).body(),
              StandardCharsets.UTF_8));
      TestKit.HTTP
          .send(
              TestKit.req(node.uri, "metrics", null).build(), HttpResponse.BodyHandlers.ofString())
          .body()
          .lines()
          .filter(l -> l.startsWith("strata_node_drive"))
          .forEach(System.out::println);
    }
  }
}
