package dev.strata.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.testkit.CephRgw;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The conformance suite against a single-node Ceph RADOS Gateway — an S3 server as users run it,
 * which refuses the SDK's default streaming checksums and enforces object lock — in buckets with
 * object lock (retention runs for real: a few seconds of the server's own clock) and, nested,
 * without. Skipped where Ceph is not installed, failed instead in CI ({@link CephRgw}).
 */
class CephPackStoreTest extends S3Conformance {
  private static CephRgw ceph;
  private static S3TestServer server;

  @BeforeAll
  static void startCeph() throws Exception {
    ceph = CephRgw.start(Path.of("target", "ceph"));
    server = new S3TestServer(ceph.endpoint(), ceph.accessKey(), ceph.secretKey());
  }

  @AfterAll
  static void stopCeph() throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (ceph != null) {
        ceph.close();
      }
    }
  }

  @Override
  protected S3TestServer server() {
    return server;
  }

  @Override
  protected boolean objectLock() {
    return true;
  }

  /** The server judges retention by its own clock: the stores use the real one too. */
  @Override
  protected Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  protected Duration retentionPeriod() {
    return Duration.ofSeconds(4);
  }

  /** Waits (polling) until the real time has moved on by {@code d}. */
  @Override
  protected void advanceClock(Duration d) {
    waitUntil(Instant.now().plus(d));
  }

  static void waitUntil(Instant t) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (Instant.now().isBefore(t)) {
      assertThat(System.nanoTime()).as("time passes").isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  /**
   * The lock is the server's, not only the store's: a store whose clock says the lock has ended
   * still cannot delete the pack, and overwriting it keeps the locked version, which the server
   * refuses to delete even when asked for that version directly.
   */
  @Test
  void theServerEnforcesTheLockWhateverTheStoresClockSays() throws Exception {
    URI at = freshLocation();
    S3Location l = S3Location.parse(at);
    PackStore s = initialise(at, clock());
    PackName n = PackName.of("locked");
    put(s, "locked", bytes(1000, 1));
    Instant until = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    s.retain(n, until);

    PackStore late = open(at, Clock.offset(clock(), Duration.ofHours(2)));
    assertThatThrownBy(() -> late.delete(n))
        .isInstanceOf(StoreException.RetentionLocked.class)
        .hasMessageContaining(until.toString());
    put(late, "locked", bytes(1000, 2)); // a new version: S3 lets it through, as AWS does
    assertThat(read(s.get(n))).isEqualTo(bytes(1000, 2));

    ObjectVersion locked =
        server
            .admin
            .listObjectVersions(r -> r.bucket(l.bucket()).prefix(PREFIX + "locked"))
            .versions()
            .stream()
            .filter(v -> !v.isLatest())
            .findFirst()
            .orElseThrow();
    ResponseBytes<GetObjectResponse> kept =
        server.admin.getObjectAsBytes(
            r -> r.bucket(l.bucket()).key(PREFIX + "locked").versionId(locked.versionId()));
    assertThat(kept.asByteArray()).isEqualTo(bytes(1000, 1));
    assertThatThrownBy(
            () ->
                server.admin.deleteObject(
                    r -> r.bucket(l.bucket()).key(PREFIX + "locked").versionId(locked.versionId())))
        .isInstanceOf(S3Exception.class)
        .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
  }

  /** The same suite in buckets without object lock (no versioning; plain deletes). */
  @Nested
  class WithoutObjectLock extends S3Conformance {
    @Override
    protected S3TestServer server() {
      return server;
    }

    @Override
    protected boolean objectLock() {
      return false;
    }
  }
}
