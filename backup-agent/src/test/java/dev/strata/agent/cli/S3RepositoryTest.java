package dev.strata.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.Trees;
import java.net.URI;
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
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A repository in an S3 bucket (a real S3 protocol server on loopback): the same commands, the
 * credentials from the environment, and a keyless check that verifies every pack in the bucket.
 */
class S3RepositoryTest {
  @TempDir Path dir;

  @Test
  void backsUpToABucketRestoresAndChecks() throws Exception {
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new TransientNio2BlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "agent", "agent-secret")
            .build();
    proxy.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!"STARTED".equals(proxy.getState())) {
        assertThat(System.nanoTime()).as("S3Proxy starts").isLessThan(deadline);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
      URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
      try (S3Client admin =
          S3Client.builder()
              .endpointOverride(endpoint)
              .forcePathStyle(true)
              .region(Region.US_EAST_1)
              .credentialsProvider(
                  StaticCredentialsProvider.create(
                      AwsBasicCredentials.create("agent", "agent-secret")))
              .httpClientBuilder(UrlConnectionHttpClient.builder())
              .build()) {
        admin.createBucket(r -> r.bucket("backups"));
      }
      Cli cli =
          new Cli(
              "s3://backups/host1?endpoint=" + endpoint,
              "bucket pass",
              Map.of("AWS_ACCESS_KEY_ID", "agent", "AWS_SECRET_ACCESS_KEY", "agent-secret"));
      Path src = Trees.mixed(dir);
      assertThat(cli.run("init").exit()).isZero();
      Cli.Run backup = cli.run("backup", src.toString());
      assertThat(backup.exit()).as(backup.err()).isZero();
      Path target = dir.resolve("restore");
      assertThat(cli.run("restore", "latest", "--target", target.toString()).exit()).isZero();
      Trees.assertSameTree(src, Trees.restored(target, src));
      Cli.Run keyless = cli.withPassword(null).run("check", "--read-data", "--json");
      assertThat(keyless.out()).contains("\"ok\":true", "\"keyless\":true");

      Cli noCredentials =
          new Cli("s3://backups/host1?endpoint=" + endpoint, "bucket pass", Map.of());
      assertThat(noCredentials.run("snapshots").err()).contains("no S3 credentials");
    } finally {
      proxy.stop();
    }
  }
}
