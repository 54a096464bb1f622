package dev.strata.node;

import static dev.strata.format.grant.GrantOperation.NODE_READ;
import static dev.strata.format.grant.GrantOperation.PACK_COPY;
import static dev.strata.format.grant.GrantOperation.PACK_LIST;
import static dev.strata.format.grant.GrantOperation.PACK_READ;
import static dev.strata.format.grant.GrantOperation.PACK_WRITE;
import static dev.strata.format.grant.GrantOperation.VERIFY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.format.repo.MasterKeys;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The node as an operator runs it: TLS from PEM files and options from a config file, an S3 bucket
 * as a target (copy, read-back verification and probe through the AWS SDK in the node), a kill in
 * the middle of an upload, and one node per data directory.
 */
class NodeOperationsProcessTest {
  @TempDir Path dir;
  final MasterKeys agent = TestKit.repository();

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** A self-signed certificate for 127.0.0.1 as PEM files, made with the JDK's keytool. */
  private SSLContext certificate(Path cert, Path key) throws Exception {
    Path p12 = dir.resolve("node.p12");
    Process kt =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-keystore",
                p12.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-alias",
                "node",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2")
            .redirectErrorStream(true)
            .start();
    kt.getInputStream().readAllBytes();
    assertThat(kt.waitFor(60, TimeUnit.SECONDS)).isTrue();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(p12.toFile())) {
      ks.load(in, "changeit".toCharArray());
    }
    Certificate c = ks.getCertificate("node");
    Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    Files.writeString(
        cert,
        "-----BEGIN CERTIFICATE-----\n"
            + b64.encodeToString(c.getEncoded())
            + "\n-----END CERTIFICATE-----\n");
    byte[] pkcs8 = ks.getKey("node", "changeit".toCharArray()).getEncoded();
    Files.writeString(
        key,
        "-----BEGIN PRIVATE KEY-----\n"
            + b64.encodeToString(pkcs8)
            + "\n-----END PRIVATE KEY-----\n");
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(cert)) {
      trust.setCertificateEntry(
          "node", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  @Test
  void servesOverTlsWithOptionsFromAConfigFile() throws Exception {
    TestKit.Center center = new TestKit.Center(dir.resolve("center"));
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    SSLContext trust = certificate(cert, key);
    Path config = dir.resolve("node.conf");
    Files.writeString(
        config,
        String.join(
            "\n",
            "# a storage node of data center dc4",
            "data-center = dc4",
            "data = " + dir.resolve("dc4"),
            "port = 0",
            "center-key = " + center.publicKeyFile,
            "tls-cert = " + cert,
            "tls-key = " + key,
            "probe-interval = PT0S",
            ""));
    try (TestKit.NodeProcess node =
        TestKit.NodeProcess.start(dir.resolve("tls.log"), "--config", config.toString())) {
      assertThat(node.uri.getScheme()).isEqualTo("https");
      HttpClient https = HttpClient.newBuilder().sslContext(trust).build();
      byte[] pack = TestKit.pack(agent, 500_000, 1);
      String grant =
          center.grant("acme", "dc4", Set.of(PACK_WRITE, PACK_READ), List.of(agent.publicKey()));
      HttpResponse<byte[]> put =
          https.send(
              TestKit.req(node.uri, "v1/tenants/acme/packs/" + TestKit.sha(pack), grant)
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(pack))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(put.statusCode()).as(text(put)).isEqualTo(201);
      HttpResponse<byte[]> get =
          https.send(
              TestKit.req(node.uri, "v1/tenants/acme/packs/" + TestKit.sha(pack), grant).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(get.body()).isEqualTo(pack);

      // Another node copies to this one over HTTPS, trusting its certificate.
      try (TestKit.NodeProcess other =
          TestKit.NodeProcess.start(
              dir.resolve("other.log"),
              "--data-center",
              "dc5",
              "--data",
              dir.resolve("dc5").toString(),
              "--port",
              "0",
              "--center-key",
              center.publicKeyFile.toString(),
              "--probe-interval",
              "PT0S",
              "--tls-trust",
              cert.toString())) {
        byte[] second = TestKit.pack(agent, 300_000, 9);
        String dc5 =
            center.grant("acme", "dc5", Set.of(PACK_WRITE, PACK_COPY), List.of(agent.publicKey()));
        assertThat(
                TestKit.send(
                        TestKit.req(other.uri, "v1/tenants/acme/packs/" + TestKit.sha(second), dc5)
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(second))
                            .build())
                    .statusCode())
            .isEqualTo(201);
        HttpResponse<byte[]> copied =
            TestKit.send(
                TestKit.req(other.uri, "v1/tenants/acme/copies", dc5)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"packs\":[\""
                                + TestKit.sha(second)
                                + "\"],\"node\":\""
                                + node.uri
                                + "\",\"grant\":\""
                                + grant
                                + "\"}"))
                    .build());
        assertThat(text(copied)).contains("\"ok\":true").contains("\"created\":true");
      }
    }
  }

  @Test
  void copiesToAnS3BucketAndVerifiesAndProbesItThere() throws Exception {
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new TransientNio2BlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "node-test", "node-test-secret")
            .build();
    proxy.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    try (S3Client admin =
        S3Client.builder()
            .endpointOverride(endpoint)
            .forcePathStyle(true)
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("node-test", "node-test-secret")))
            .httpClientBuilder(
                software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
            .build()) {
      admin.createBucket(r -> r.bucket("archive"));
    }
    TestKit.Center center = new TestKit.Center(dir.resolve("center"));
    List<String> cmd =
        List.of(
            "--data-center",
            "dc2",
            "--data",
            dir.resolve("dc2").toString(),
            "--port",
            "0",
            "--center-key",
            center.publicKeyFile.toString(),
            "--probe-interval",
            "PT0S",
            "--s3",
            "archive=s3://archive/dc2?endpoint=" + endpoint);
    try (TestKit.NodeProcess node =
        TestKit.NodeProcess.start(
            dir.resolve("s3.log"),
            Map.of("AWS_ACCESS_KEY_ID", "node-test", "AWS_SECRET_ACCESS_KEY", "node-test-secret"),
            cmd.toArray(new String[0]))) {
      String all =
          center.grant(
              "acme",
              "dc2",
              Set.of(PACK_WRITE, PACK_READ, PACK_COPY, VERIFY, PACK_LIST),
              List.of(agent.publicKey()));
      byte[] pack = TestKit.pack(agent, 3 << 20, 2);
      String name = TestKit.sha(pack);
      assertThat(
              TestKit.send(
                      TestKit.req(node.uri, "v1/tenants/acme/packs/" + name, all)
                          .PUT(HttpRequest.BodyPublishers.ofByteArray(pack))
                          .build())
                  .statusCode())
          .isEqualTo(201);
      HttpResponse<byte[]> copy =
          TestKit.send(
              TestKit.req(node.uri, "v1/tenants/acme/copies", all)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"packs\":[\"" + name + "\"],\"target\":\"archive\"}"))
                  .build());
      assertThat(text(copy)).as(text(copy)).contains("\"ok\":true").contains("\"created\":true");
      HttpResponse<byte[]> verified =
          TestKit.send(
              TestKit.req(node.uri, "v1/tenants/acme/verifications", all)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"pack\":\"" + name + "\",\"copy\":\"archive\"}"))
                  .build());
      assertThat(text(verified)).contains("\"ok\":true").contains(agent.publicKey().toString());
      String nodeRead = center.grant("", "dc2", Set.of(NODE_READ), List.of());
      HttpResponse<byte[]> probe =
          TestKit.send(
              TestKit.req(node.uri, "v1/node/targets/archive/probes", nodeRead)
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build());
      assertThat(text(probe))
          .contains("\"reachable\":true")
          .contains("\"verified\":true")
          .contains("\"dataPathTested\":true");
    } finally {
      proxy.stop();
    }
  }

  @Test
  void aNodeKilledMidUploadKeepsWhatItAcknowledgedAndNothingElse() throws Exception {
    TestKit.Center center = new TestKit.Center(dir.resolve("center"));
    String[] args = {
      "--data-center",
      "dc2",
      "--data",
      dir.resolve("dc2").toString(),
      "--port",
      "0",
      "--center-key",
      center.publicKeyFile.toString(),
      "--probe-interval",
      "PT0S"
    };
    String grant =
        center.grant(
            "acme", "dc2", Set.of(PACK_WRITE, PACK_READ, PACK_LIST), List.of(agent.publicKey()));
    byte[] acked = TestKit.pack(agent, 4 << 20, 3);
    byte[] cut = TestKit.pack(agent, 8 << 20, 4);
    TestKit.NodeProcess node = TestKit.NodeProcess.start(dir.resolve("k1.log"), args);
    try {
      assertThat(
              TestKit.send(
                      TestKit.req(node.uri, "v1/tenants/acme/packs/" + TestKit.sha(acked), grant)
                          .PUT(HttpRequest.BodyPublishers.ofByteArray(acked))
                          .build())
                  .statusCode())
          .isEqualTo(201);
      try (Socket s = new Socket(node.uri.getHost(), node.uri.getPort())) {
        OutputStream out = s.getOutputStream();
        out.write(
            ("PUT /v1/tenants/acme/packs/"
                    + TestKit.sha(cut)
                    + " HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer "
                    + grant
                    + "\r\nContent-Length: "
                    + cut.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(cut, 0, cut.length / 2);
        out.flush();
        Path tmp = dir.resolve("dc2/packs/tmp");
        TestKit.await(
            "the upload to be under way",
            Duration.ofSeconds(30),
            () -> {
              try (var files = Files.list(tmp)) {
                return files.findAny().isPresent();
              } catch (Exception e) {
                return false;
              }
            });
        node.kill();
      }
    } finally {
      node.process.destroyForcibly();
    }
    try (TestKit.NodeProcess again = TestKit.NodeProcess.start(dir.resolve("k2.log"), args)) {
      HttpResponse<byte[]> back =
          TestKit.send(
              TestKit.req(again.uri, "v1/tenants/acme/packs/" + TestKit.sha(acked), grant).build());
      assertThat(back.body()).isEqualTo(acked);
      assertThat(
              TestKit.send(
                      TestKit.req(again.uri, "v1/tenants/acme/packs/" + TestKit.sha(cut), grant)
                          .method("HEAD", HttpRequest.BodyPublishers.noBody())
                          .build())
                  .statusCode())
          .isEqualTo(404);
      assertThat(
              TestKit.send(
                      TestKit.req(again.uri, "v1/tenants/acme/packs/" + TestKit.sha(cut), grant)
                          .PUT(HttpRequest.BodyPublishers.ofByteArray(cut))
                          .build())
                  .statusCode())
          .isEqualTo(201);
    }
  }

  @Test
  void refusesASecondNodeOnTheSameDataDirectory() throws Exception {
    TestKit.Center center = new TestKit.Center(dir.resolve("center"));
    String[] args = {
      "--data-center",
      "dc2",
      "--data",
      dir.resolve("dc2").toString(),
      "--port",
      "0",
      "--center-key",
      center.publicKeyFile.toString(),
      "--probe-interval",
      "PT0S"
    };
    try (TestKit.NodeProcess first = TestKit.NodeProcess.start(dir.resolve("a.log"), args)) {
      List<String> cmd =
          new java.util.ArrayList<>(
              List.of(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-cp",
                  System.getProperty("java.class.path"),
                  NodeMain.class.getName()));
      cmd.addAll(List.of(args));
      Process second = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).isEqualTo(1);
      assertThat(out).contains("another node is running on");
    }
  }
}
