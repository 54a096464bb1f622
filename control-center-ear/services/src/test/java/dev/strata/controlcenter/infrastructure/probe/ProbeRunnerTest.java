package dev.strata.controlcenter.infrastructure.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.pool.DataCenter;
import dev.strata.pool.DataCenterId;
import dev.strata.pool.NetworkLink;
import dev.strata.pool.ProbeMeasurement;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetProber;
import dev.strata.pool.TargetState;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProbeRunnerTest {
  private static final StorageTarget TARGET =
      StorageTarget.register(
          TargetId.of("t"),
          DataCenter.establish(DataCenterId.of("dc"), null, null, NetworkLink.LOCAL, Instant.EPOCH),
          TargetKind.DISK,
          null,
          "file:/x",
          null,
          null,
          TargetState.ACTIVE,
          Instant.EPOCH);

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    executor.shutdownNow();
  }

  private TargetProber prober(java.util.function.Supplier<ProbeMeasurement> body) {
    return new TargetProber() {
      @Override
      public boolean supports(StorageTarget target) {
        return true;
      }

      @Override
      public ProbeMeasurement probe(StorageTarget target) {
        return body.get();
      }
    };
  }

  private final TargetProber hangs =
      prober(
          () -> {
            try {
              release.await();
            } catch (InterruptedException e) {
              // a device stuck in I/O does not answer interrupts either: keep hanging
              try {
                release.await();
              } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
              }
            }
            return ProbeMeasurement.unreachable("released");
          });

  @Test
  void aHungDeviceIsReportedUnreachableAfterTheDeadline() {
    ProbeRunner runner = new ProbeRunner(executor, Duration.ofMillis(200));
    ProbeMeasurement m = runner.run(hangs, TARGET);
    assertThat(m.reachable()).isFalse();
    assertThat(m.detail()).contains("did not finish within PT0.2S");
  }

  @Test
  void whileAProbeHangsTheSameTargetIsNotProbedAgain() {
    ProbeRunner runner = new ProbeRunner(executor, Duration.ofMillis(100));
    runner.run(hangs, TARGET);
    ProbeMeasurement second = runner.run(prober(() -> ProbeMeasurement.unreachable("ran")), TARGET);
    assertThat(second.detail()).contains("previous probe of this target has not finished");
  }

  @Test
  void aProberThatThrowsIsReportedNotPropagated() {
    ProbeRunner runner = new ProbeRunner(executor, Duration.ofSeconds(5));
    ProbeMeasurement m =
        runner.run(
            prober(
                () -> {
                  throw new IllegalStateException("driver bug");
                }),
            TARGET);
    assertThat(m.reachable()).isFalse();
    assertThat(m.detail()).contains("driver bug");
    ProbeMeasurement next = runner.run(prober(() -> ProbeMeasurement.unreachable("fine")), TARGET);
    assertThat(next.detail()).isEqualTo("fine");
  }
}
