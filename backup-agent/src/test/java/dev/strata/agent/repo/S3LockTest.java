package dev.strata.agent.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.agent.Trees;
import dev.strata.disk.PackStore;
import dev.strata.disk.PackStores;
import dev.strata.disk.RetryPolicy;
import dev.strata.disk.S3Credentials;
import dev.strata.disk.StoreSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * The repository lock and the ledger in an S3 bucket (a real S3 protocol server on loopback): two
 * backups that commit at the same moment take distinct sequence numbers there too.
 */
class S3LockTest {
  @TempDir Path dir;

  @Test
  void twoBackupsCommittingAtOnceToABucketTakeDistinctSequenceNumbers() throws Exception {
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
      StoreSettings settings =
          StoreSettings.defaults(Clock.systemUTC(), new SplittableRandom(1))
              .withRetry(new RetryPolicy(2, Duration.ZERO, Duration.ZERO), d -> {})
              .withS3Credentials(new S3Credentials("agent", "agent-secret"));
      try (PackStores.Opened opened =
          PackStores.initialise(URI.create("s3://backups/host1?endpoint=" + endpoint), settings)) {
        Repos.init(opened.store());
        PackStore store = new RepositoryLockTest.Rendezvous(opened.store());
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          Path src = Files.createDirectories(dir.resolve("src" + i));
          Files.write(src.resolve("f"), Trees.random(100_000, i));
          sources.add(src);
        }
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
          List<Future<Backup.Result>> runs = new ArrayList<>();
          for (Path src : sources) {
            Repository repo = Repos.open(store);
            Path spool = Files.createDirectories(dir.resolve("spool-" + src.getFileName()));
            runs.add(
                two.submit(() -> Repos.backup(repo, spool).run(List.of(src), new BackupStats())));
          }
          List<Long> sequences = new ArrayList<>();
          for (Future<Backup.Result> r : runs) {
            sequences.add(r.get(120, TimeUnit.SECONDS).snapshot().sequence());
          }
          assertThat(sequences).containsExactlyInAnyOrder(1L, 2L);
        } finally {
          two.shutdownNow();
        }
        Check.Result keyless = new Check(Repository.openKeyless(opened.store()), 2).run(true);
        assertThat(keyless.problems()).isEmpty();
        assertThat(keyless.ledger().generation()).isEqualTo(2);
        assertThat(Repository.list(opened.store(), RepositoryLock.LOCKS)).isEmpty();
      }
    } finally {
      proxy.stop();
    }
  }
}
