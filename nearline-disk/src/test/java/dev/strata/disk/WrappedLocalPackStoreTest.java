package dev.strata.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.disk.FaultInjectingPackStore.Operation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack callers use — retries over fault injection over the local store — passes the whole
 * conformance suite, and each fault does what it should: cut uploads leave nothing, garbled reads
 * are caught by the checksum, transient errors are retried, named answers are not.
 */
class WrappedLocalPackStoreTest extends PackStoreConformance {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock();
  private final List<Duration> pauses = new ArrayList<>();
  private FaultInjectingPackStore faults;

  @Override
  protected PackStore store() throws IOException {
    faults = new FaultInjectingPackStore(LocalPackStore.open(dir, clock));
    return new RetryingPackStore(
        faults,
        new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)),
        new SplittableRandom(5),
        pauses::add);
  }

  @Override
  protected void advanceClock(Duration d) {
    clock.advance(d);
  }

  @Test
  void anErrorOnceThenSuccessIsRetried() throws Exception {
    PackStore s = store();
    faults.failNext(Operation.PUT, 1).failNext(Operation.GET, 2);
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
    faults.failNext(Operation.STAT, 3);
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
}
