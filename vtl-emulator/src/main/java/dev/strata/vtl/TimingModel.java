package dev.strata.vtl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What a real drive would have done with the same commands at the same pace: it keeps simulated
 * time for mechanical work (loads, rewinds, locates, robot moves) and, for writes, a model of the
 * drive's buffer fed by the host and drained by the tape.
 *
 * <p>The drive starts the tape once its buffer is a quarter full and moves it at the host's rate (a
 * moving average), matched between the slowest speed step and the native rate. A host slower than
 * the slowest step lets the buffer run dry; the drive then stops and repositions — a back-hitch,
 * paid in time and wear — and waits for the buffer to fill again. A synchronous filemark also
 * empties the buffer and stops the tape. The host's pace is read from a clock, so tests drive it
 * deterministically.
 *
 * <p>With a time-scale factor above 0 the drive also waits, in real time, that factor times the
 * mechanical time (0, the default, runs as fast as possible and only reports). Not thread-safe: one
 * per drive, used under the drive's lock.
 */
public final class TimingModel {
  /** What the drive did, as real hardware would have. */
  public record Report(
      long bytesWritten,
      long bytesRead,
      Duration streaming,
      Duration mechanical,
      long backhitches) {}

  private final DriveTiming timing;
  private final Clock host;
  private final double scale;
  private long bytesWritten;
  private long bytesRead;
  private double streamingSeconds;
  private double mechanicalSeconds;
  private long backhitches;
  private double bufferLevel;
  private boolean streaming;
  private double hostRate;
  private Instant lastWrite;

  TimingModel(DriveTiming timing, Clock host, double scale) {
    this.timing = timing;
    this.host = host;
    this.scale = scale;
  }

  void load() {
    mechanical(timing.loadToReady());
    lastWrite = null;
    bufferLevel = 0;
    streaming = false;
  }

  void unload() {
    mechanical(timing.unload());
  }

  void robotMove() {
    mechanical(timing.robotMove());
  }

  /** A rewind from {@code fraction} (0 = beginning, 1 = end) of the tape. */
  void rewind(double fraction) {
    mechanical(timing.fullRewind().multipliedBy(Math.round(fraction * 1000)).dividedBy(1000));
  }

  void locate() {
    mechanical(timing.averageLocate());
  }

  void read(long bytes) {
    bytesRead += bytes;
    streamingSeconds += bytes / (double) timing.nativeRate();
  }

  /** The host hands the drive a block of {@code bytes}. */
  void write(long bytes) {
    Instant now = host.instant();
    if (lastWrite != null) {
      double elapsed = Duration.between(lastWrite, now).toNanos() / 1e9;
      if (elapsed > 0) {
        double rate = bytes / elapsed;
        hostRate = hostRate == 0 ? rate : hostRate * 0.9 + rate * 0.1;
      }
      if (streaming) {
        // The tape drains the buffer at the host's pace, within the drive's speed steps.
        double speed = speed();
        double drained = speed * elapsed;
        if (drained >= bufferLevel) {
          streamingSeconds += bufferLevel / speed;
          bufferLevel = 0;
          streaming = false;
          backhitch(); // ran dry: stop, reposition, wait for data
        } else {
          streamingSeconds += elapsed;
          bufferLevel -= drained;
        }
      }
    }
    bufferLevel += bytes;
    if (!streaming && bufferLevel >= timing.buffer() / 4) {
      streaming = true;
    }
    if (bufferLevel > timing.buffer()) {
      // The host is faster than the tape: it waits while the drive streams at full speed.
      streamingSeconds += (bufferLevel - timing.buffer()) / timing.nativeRate();
      bufferLevel = timing.buffer();
    }
    bytesWritten += bytes;
    lastWrite = now;
  }

  private double speed() {
    double r = hostRate == 0 ? timing.nativeRate() : hostRate;
    return Math.max(timing.slowestRate(), Math.min(timing.nativeRate(), r));
  }

  private void backhitch() {
    backhitches++;
    mechanical(timing.backhitch());
  }

  /**
   * A synchronous filemark: the buffer is written out and the tape stops — which is why backup
   * software writes few of them.
   */
  void flush() {
    if (bufferLevel > 0 || streaming) {
      streamingSeconds += bufferLevel / speed();
      bufferLevel = 0;
      streaming = false;
      backhitch();
    }
  }

  private void mechanical(Duration d) {
    mechanicalSeconds += d.toNanos() / 1e9;
    if (scale > 0) {
      long nanos = (long) (d.toNanos() * scale);
      java.util.concurrent.locks.LockSupport.parkNanos(nanos);
    }
  }

  Report report() {
    return new Report(
        bytesWritten,
        bytesRead,
        Duration.ofNanos((long) (streamingSeconds * 1e9)),
        Duration.ofNanos((long) (mechanicalSeconds * 1e9)),
        backhitches);
  }
}
