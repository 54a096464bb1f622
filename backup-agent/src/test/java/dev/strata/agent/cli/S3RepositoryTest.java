package dev.strata.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.ChildJvm;
import dev.strata.agent.Trees;
import dev.strata.testkit.CephRgw;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A repository in an S3 bucket (a real S3 protocol server on loopback, and Ceph RGW where it is
 * installed): the same commands, the credentials from the environment, and a keyless check that
 * verifies every pack in the bucket.
 */
class S3RepositoryTest {
  @TempDir Path dir;

  @Test
  void backsUpToABucketRestoresAndChecks() throws Exception {
    S3Proxy proxy = startS3Proxy();
    try {
      URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
      createBucket(endpoint, "agent", "agent-secret", "backups");
      backUpRestoreAndCheck("s3://backups/host1?endpoint=" + endpoint, "agent", "agent-secret");

      Cli noCredentials =
          new Cli("s3://backups/host1?endpoint=" + endpoint, "bucket pass", Map.of());
      assertThat(noCredentials.run("snapshots").err()).contains("no S3 credentials");
    } finally {
      proxy.stop();
    }
  }

  /**
   * Issue 10: against Ceph RGW (Debian's 16.2), {@code strata init} failed with {@code 400
   * XAmzContentSHA256Mismatch}, the SDK's default streaming checksums.
   */
  @Test
  void backsUpToACephRgwBucketRestoresAndChecks() throws Exception {
    try (CephRgw ceph = CephRgw.start(Path.of("target", "ceph"))) {
      createBucket(ceph.endpoint(), ceph.accessKey(), ceph.secretKey(), "backups");
      backUpRestoreAndCheck(
          "s3://backups/host1?endpoint=" + ceph.endpoint(), ceph.accessKey(), ceph.secretKey());
    }
  }

  /**
   * Issue 10: every run against S3 printed SLF4J's warnings (no binding on the command line's class
   * path). A user sees Strata's messages and nothing else, on success and on failure.
   */
  @Test
  void theCommandLineAgainstABucketPrintsOnlyItsOwnMessages() throws Exception {
    S3Proxy proxy = startS3Proxy();
    try {
      URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
      createBucket(endpoint, "agent", "agent-secret", "quiet");
      String repo = "s3://quiet/host1?endpoint=" + endpoint;
      Run init = child("init", "--repo", repo);
      assertThat(init.exit()).as(init.err()).isZero();
      assertThat(init.out()).startsWith("created repository ");
      assertThat(init.err()).isEmpty();

      Run none = child("snapshots", "--repo", "s3://quiet/elsewhere?endpoint=" + endpoint);
      assertThat(none.exit()).isEqualTo(1);
      assertThat(none.out()).isEmpty();
      assertThat(none.err()).startsWith("strata: there is no repository here").hasLineCount(1);
    } finally {
      proxy.stop();
    }
  }

  private record Run(int exit, String out, String err) {}

  /** Runs the command line in a child JVM, as a user does, and captures both of its outputs. */
  private Run child(String... args) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(StrataCommand.class, args));
    pb.environment().put("STRATA_PASSWORD", "bucket pass");
    pb.environment().put("AWS_ACCESS_KEY_ID", "agent");
    pb.environment().put("AWS_SECRET_ACCESS_KEY", "agent-secret");
    pb.environment().remove("STRATA_DEBUG");
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command ends").isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private void backUpRestoreAndCheck(String repo, String access, String secret) throws Exception {
    Cli cli =
        new Cli(
            repo,
            "bucket pass",
            Map.of("AWS_ACCESS_KEY_ID", access, "AWS_SECRET_ACCESS_KEY", secret));
    Path src = Trees.mixed(dir);
    Cli.Run init = cli.run("init");
    assertThat(init.exit()).as(init.err()).isZero();
    Cli.Run backup = cli.run("backup", src.toString());
    assertThat(backup.exit()).as(backup.err()).isZero();
    Path target = dir.resolve("restore");
    Cli.Run restore = cli.run("restore", "latest", "--target", target.toString());
    assertThat(restore.exit()).as(restore.err()).isZero();
    Trees.assertSameTree(src, Trees.restored(target, src));
    Cli.Run keyless = cli.withPassword(null).run("check", "--read-data", "--json");
    assertThat(keyless.out()).as(keyless.err()).contains("\"ok\":true", "\"keyless\":true");
    Cli.Run keyed = cli.run("check", "--read-data");
    assertThat(keyed.exit()).as(keyed.err()).isZero();
  }

  private static S3Proxy startS3Proxy() throws Exception {
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new TransientNio2BlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "agent", "agent-secret")
            .build();
    proxy.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!"STARTED".equals(proxy.getState())) {
      assertThat(System.nanoTime()).as("S3Proxy starts").isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    return proxy;
  }

  private static void createBucket(URI endpoint, String access, String secret, String bucket) {
    try (S3Client admin =
        S3Client.builder()
            .endpointOverride(endpoint)
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(access, secret)))
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build()) {
      admin.createBucket(r -> r.bucket(bucket));
    }
  }
}
