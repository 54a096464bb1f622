package dev.strata.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The conformance suite against a real S3 protocol server (S3Proxy, in memory, on loopback), with
 * SigV4 authentication and the same SDK client production uses. S3Proxy's buckets have no object
 * lock: retention is tested against Ceph RGW ({@link CephPackStoreTest}).
 */
class S3PackStoreTest extends S3Conformance {
  private static final String ACCESS = "strata-test";
  private static final String SECRET = "strata-test-secret";
  private static S3Proxy proxy;
  private static S3TestServer server;

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
    // to 127.0.0.1 through the test hosts file).
    server = new S3TestServer(URI.create("http://localhost:" + proxy.getPort()), ACCESS, SECRET);
  }

  @AfterAll
  static void stopS3() throws Exception {
    server.close();
    proxy.stop();
  }

  @Override
  protected S3TestServer server() {
    return server;
  }

  @Override
  protected boolean objectLock() {
    return false;
  }

  @Test
  void addressesTheBucketByHostNameWhenPathStyleIsOff() throws Exception {
    server.admin.createBucket(r -> r.bucket("vhost-bucket"));
    URI location =
        URI.create(
            "s3://vhost-bucket/vh?pathStyle=false&endpoint=http://localhost:" + proxy.getPort());
    assertThat(S3Location.parse(location).pathStyle()).isFalse();
    try (PackStores.Opened opened =
        PackStores.initialise(location, server.settings(Clock.systemUTC()))) {
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
            server.credentials(),
            S3PackStore.MIN_PART_SIZE,
            Clock.systemUTC())) {
      assertThatThrownBy(() -> unresolvable.stat(PackName.of("v")))
          .isInstanceOf(IOException.class)
          .isNotInstanceOf(StoreException.class)
          .hasStackTraceContaining("unlisted-bucket.localhost");
    }
  }

  @Test
  void aWrongPasswordIsRefusedNotRetried() throws Exception {
    URI at = freshLocation();
    assertThatThrownBy(
            () ->
                S3PackStore.open(
                    S3Location.parse(at),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, "wrong")),
                    S3PackStore.MIN_PART_SIZE,
                    Clock.systemUTC()))
        .isInstanceOf(StoreException.Refused.class)
        .hasMessageNotContaining("wrong");
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
