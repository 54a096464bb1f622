package dev.strata.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack callers use, as {@link PackStores} builds it — logging over metrics over retries over
 * fault injection over the local store — passes the whole conformance suite, and each fault does
 * what it should: cut uploads leave nothing, garbled reads are caught by the checksum, transient
 * errors are retried, named answers are not.
 */
class WrappedLocalPackStoreTest extends PackStoreConformance {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock();
  private final List<Duration> pauses = new ArrayList<>();
  private FaultInjectingPackStore faults;
  private StoreMetrics metrics;

  private LocalTestLocations locations;

  @Override
  protected StoreSettings settings() {
    return StoreSettings.defaults(clock, new SplittableRandom(5))
        .withRetry(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)), pauses::add)
        .withFaultInjection();
  }

  @Override
  protected PackStore store() throws IOException {
    PackStores.Opened opened = PackStores.initialise(dir.resolve("store").toUri(), settings());
    faults = opened.faults().orElseThrow();
    metrics = opened.metrics();
    return opened.store();
  }

  @Override
  protected Instant now() {
    return clock.instant();
  }

  @Override
  protected void advanceClock(Duration d) {
    clock.advance(d);
  }

  @Override
  protected URI freshLocation() {
    if (locations == null) {
      locations = new LocalTestLocations(dir);
    }
    return locations.fresh();
  }

  @Override
  protected void writeForeign(URI location, String relative, byte[] data) throws IOException {
    LocalTestLocations.writeForeign(location, relative, data);
  }

  @Override
  protected Map<String, String> snapshot(URI location) throws IOException {
    return LocalTestLocations.snapshot(location);
  }

  @Test
  void anErrorOnceThenSuccessIsRetried() throws Exception {
    PackStore s = store();
    faults.failNext(StoreOperation.PUT, 1).failNext(StoreOperation.GET, 2);
    byte[] data = bytes(5000, 1);
    put(s, "p", data);
    assertThat(read(s.get(PackName.of("p")))).isEqualTo(data);
    assertThat(pauses)
        .hasSize(3)
        .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(200)));
  }

  @Test
  void persistentFaultsGiveUpAfterTheLastAttempt() throws Exception {
    PackStore s = store();
    faults.failNext(StoreOperation.STAT, 3);
    assertThatThrownBy(() -> s.stat(PackName.of("p")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("injected fault in STAT");
    assertThat(pauses).hasSize(2);
  }

  @Test
  void namedAnswersAreNotRetried() throws Exception {
    PackStore s = store();
    assertThatThrownBy(() -> s.get(PackName.of("none")))
        .isInstanceOf(StoreException.NoSuchPack.class);
    put(s, "kept", bytes(10, 2));
    s.retain(PackName.of("kept"), clock.instant().plusSeconds(60));
    assertThatThrownBy(() -> s.delete(PackName.of("kept")))
        .isInstanceOf(StoreException.RetentionLocked.class);
    assertThat(pauses).isEmpty();
  }

  @Test
  void anUploadCutOffHalfwayLeavesNoVisiblePackEvenAfterRetries() throws Exception {
    PackStore s = store();
    faults.cutPutsAfter(1000);
    assertThatThrownBy(() -> put(s, "cut", bytes(4000, 3))).hasMessageContaining("upload cut off");
    assertThat(pauses).hasSize(2);
    assertThat(s.stat(PackName.of("cut"))).isEmpty();
    faults.cutPutsAfter(-1);
    put(s, "cut", bytes(4000, 3));
    assertThat(read(s.get(PackName.of("cut")))).isEqualTo(bytes(4000, 3));
  }

  @Test
  void aGarbledReadIsDetectedByTheChecksum() throws Exception {
    PackStore s = store();
    faults.garbleReads(true);
    ProbeReport r = new StoreProbe(new SplittableRandom(4), 4096).probe(s);
    assertThat(r.verified()).isFalse();
    assertThat(r.detail()).contains("differs");
  }

  @Test
  void retryPolicyBacksOffExponentiallyUpToItsCap() {
    RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(500));
    assertThat(p.ceiling(2)).isEqualTo(Duration.ofMillis(100));
    assertThat(p.ceiling(3)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.ceiling(4)).isEqualTo(Duration.ofMillis(400));
    assertThat(p.ceiling(5)).isEqualTo(Duration.ofMillis(500));
    assertThat(p.ceiling(9)).isEqualTo(Duration.ofMillis(500));
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void metricsCountCallsBytesAndFaultsButNotNamedAnswers() throws Exception {
    PackStore s = store();
    faults.failNext(StoreOperation.GET, 1);
    put(s, "m", bytes(3000, 6));
    assertThat(read(s.get(PackName.of("m")))).hasSize(3000);
    assertThatThrownBy(() -> s.get(PackName.of("absent")))
        .isInstanceOf(StoreException.NoSuchPack.class);
    faults.failNext(StoreOperation.STAT, 3);
    assertThatThrownBy(() -> s.stat(PackName.of("m"))).isInstanceOf(IOException.class);

    assertThat(metrics.stats(StoreOperation.PUT))
        .satisfies(p -> assertThat(p.calls()).isEqualTo(1))
        .satisfies(p -> assertThat(p.bytes()).isEqualTo(3000));
    StoreMetrics.Stats get = metrics.stats(StoreOperation.GET);
    assertThat(get.calls()).isEqualTo(2);
    assertThat(get.failures())
        .isZero(); // the injected fault was retried away; "absent" is an answer
    assertThat(get.bytes()).isEqualTo(3000);
    assertThat(metrics.stats(StoreOperation.STAT).failures()).isEqualTo(1);
  }

  @Test
  void faultsAreLoggedAsWarningsNamingTheTargetButNotItsQuery() throws Exception {
    List<LogRecord> records = new ArrayList<>();
    Handler h =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            records.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger(LoggingPackStore.class.getName());
    logger.addHandler(h);
    try {
      PackStore s = store();
      faults.failNext(StoreOperation.DELETE, 3);
      assertThatThrownBy(() -> s.delete(PackName.of("d"))).isInstanceOf(IOException.class);
    } finally {
      logger.removeHandler(h);
    }
    assertThat(records)
        .anySatisfy(
            r -> {
              assertThat(r.getLevel()).isEqualTo(Level.WARNING);
              assertThat(r.getMessage()).contains("file:" + dir.resolve("store"), "DELETE d");
            });
    assertThat(PackStores.redacted(java.net.URI.create("s3://b/p?endpoint=http://h:1&k=secret")))
        .isEqualTo("s3://b/p");
  }

  @Test
  void refusesLocationsItCannotOpen() {
    StoreSettings settings = StoreSettings.defaults(clock, new SplittableRandom(1));
    assertThatThrownBy(() -> PackStores.open(java.net.URI.create("ftp://host/x"), settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use file:/path or s3://bucket");
    assertThatThrownBy(() -> PackStores.open(java.net.URI.create("s3://bucket1"), settings))
        .isInstanceOf(StoreException.Refused.class)
        .hasMessageContaining("no S3 credentials");
  }
}
