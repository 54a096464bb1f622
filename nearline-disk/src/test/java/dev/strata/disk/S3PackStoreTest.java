package dev.strata.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The conformance suite against a real S3 protocol server (S3Proxy, in memory, on loopback), with
 * SigV4 authentication and the same SDK client production uses. Each test gets its own bucket.
 */
class S3PackStoreTest extends PackStoreConformance {
  private static final String ACCESS = "strata-test";
  private static final String SECRET = "strata-test-secret";
  private static S3Proxy proxy;
  private static URI endpoint;
  private S3PackStore store;

  @BeforeAll
  static void startS3() throws Exception {
    proxy =
        S3Proxy.builder()
            .blobStore(new TransientNio2BlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
            .virtualHost("localhost")
            .build();
    proxy.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    // "localhost" is S3Proxy's virtual host: path-style requests must name exactly it (it resolves
    // to
    // 127.0.0.1 through the test hosts file).
    endpoint = URI.create("http://localhost:" + proxy.getPort());
  }

  @AfterAll
  static void stopS3() throws Exception {
    proxy.stop();
  }

  static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET));
  }

  private static void createBucket(String bucket) {
    try (S3Client admin =
        S3Client.builder()
            .endpointOverride(endpoint)
            .forcePathStyle(true)
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .credentialsProvider(credentials())
            .httpClientBuilder(
                software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
            .build()) {
      admin.createBucket(r -> r.bucket(bucket));
    }
  }

  @Override
  protected PackStore store() throws IOException {
    String bucket = "b-" + UUID.randomUUID().toString().substring(0, 12);
    createBucket(bucket);
    S3Location location =
        S3Location.parse(URI.create("s3://" + bucket + "/strata?endpoint=" + endpoint));
    store = new S3PackStore(location, credentials(), S3PackStore.MIN_PART_SIZE);
    return store;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Override
  protected void advanceClock(Duration d) {
    // S3Proxy's buckets have no object lock; the retention test ends at "unsupported".
  }

  @Test
  void uploadsLargePacksInSeveralVerifiedParts() throws Exception {
    PackStore s = store();
    byte[] data = bytes(12 * 1024 * 1024 + 5, 42); // three parts of at most 5 MiB
    put(s, "big", data);
    assertThat(read(s.get(PackName.of("big")))).isEqualTo(data);
  }

  @Test
  void addressesTheBucketByHostNameWhenPathStyleIsOff() throws Exception {
    createBucket("vhost-bucket");
    URI location =
        URI.create(
            "s3://vhost-bucket/vh?pathStyle=false&endpoint=http://localhost:" + proxy.getPort());
    assertThat(S3Location.parse(location).pathStyle()).isFalse();
    try (PackStores.Opened opened =
        PackStores.open(
            location,
            StoreSettings.defaults(java.time.Clock.systemUTC(), new java.util.SplittableRandom(3))
                .withS3Credentials(new S3Credentials(ACCESS, SECRET))
                .withS3PartSize(S3PackStore.MIN_PART_SIZE))) {
      PackStore s = opened.store();
      byte[] data = bytes(6 * 1024 * 1024, 8);
      put(s, "v", data);
      assertThat(read(s.get(PackName.of("v")))).isEqualTo(data);
      assertThat(s.list("", Optional.empty(), 10).packs()).hasSize(1);
      assertThat(opened.metrics().stats(StoreOperation.PUT).bytes()).isEqualTo(data.length);
    }
    // The bucket really is in the host name: one whose name does not resolve cannot be reached.
    try (S3PackStore unresolvable =
        new S3PackStore(
            S3Location.parse(
                URI.create(
                    "s3://unlisted-bucket?pathStyle=false&endpoint=http://localhost:"
                        + proxy.getPort())),
            credentials(),
            S3PackStore.MIN_PART_SIZE)) {
      assertThatThrownBy(() -> unresolvable.stat(PackName.of("v")))
          .isInstanceOf(IOException.class)
          .isNotInstanceOf(StoreException.class)
          .hasStackTraceContaining("unlisted-bucket.localhost");
    }
  }

  @Test
  void aWrongPasswordIsRefusedNotRetried() throws Exception {
    store();
    S3Location location = S3Location.parse(URI.create("s3://nobucket1?endpoint=" + endpoint));
    try (S3PackStore wrong =
        new S3PackStore(
            location,
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, "wrong")),
            S3PackStore.MIN_PART_SIZE)) {
      assertThatThrownBy(() -> wrong.stat(PackName.of("x")))
          .isInstanceOf(StoreException.Refused.class)
          .hasMessageNotContaining("wrong");
    }
  }

  @Test
  void parsesLocationsAndRefusesUnknownParameters() {
    S3Location l =
        S3Location.parse(
            URI.create(
                "s3://backups/dc1/packs?endpoint=http://10.0.0.1:9000&region=eu-central-1&objectLock=true"));
    assertThat(l.bucket()).isEqualTo("backups");
    assertThat(l.prefix()).isEqualTo("dc1/packs/");
    assertThat(l.endpoint()).contains(URI.create("http://10.0.0.1:9000"));
    assertThat(l.pathStyle()).isTrue();
    assertThat(l.objectLock()).isTrue();
    assertThat(S3Location.parse(URI.create("s3://backups")).endpoint()).isEqualTo(Optional.empty());
    assertThatThrownBy(() -> S3Location.parse(URI.create("s3://backups?colour=red")))
        .hasMessageContaining("unknown parameter 'colour'");
    assertThatThrownBy(() -> S3Location.parse(URI.create("s3://B_ad")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
