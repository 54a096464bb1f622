package dev.strata.controlcenter.infrastructure.probe;

import dev.strata.pool.ProbeMeasurement;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetProber;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a prober with a deadline, one probe per target at a time. A device that hangs (a dead NFS
 * mount, a stuck SCSI command) must not stall the scheduler: after {@code timeout} the target is
 * reported unreachable and the next target is probed. The hung call keeps its worker thread until
 * the device lets go, and until then further probes of the same target are reported unreachable at
 * once instead of piling up.
 */
final class ProbeRunner {
  private final ExecutorService executor;
  private final Duration timeout;
  private final ConcurrentHashMap<String, Semaphore> running = new ConcurrentHashMap<>();

  ProbeRunner(ExecutorService executor, Duration timeout) {
    this.executor = executor;
    this.timeout = timeout;
  }

  ProbeMeasurement run(TargetProber prober, StorageTarget target) {
    Semaphore slot = running.computeIfAbsent(target.id().value(), k -> new Semaphore(1));
    if (!slot.tryAcquire()) {
      return ProbeMeasurement.unreachable(
          "the previous probe of this target has not finished (device hung?)");
    }
    Future<ProbeMeasurement> probe;
    try {
      probe =
          executor.submit(
              () -> {
                try {
                  return prober.probe(target);
                } finally {
                  slot.release();
                }
              });
    } catch (RejectedExecutionException e) {
      slot.release();
      return ProbeMeasurement.unreachable("no thread free to probe: " + e.getMessage());
    }
    try {
      return probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      probe.cancel(true);
      return ProbeMeasurement.unreachable("the probe did not finish within " + timeout);
    } catch (ExecutionException e) {
      return ProbeMeasurement.unreachable("the probe raised " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      probe.cancel(true);
      return ProbeMeasurement.unreachable("interrupted while probing");
    }
  }
}
