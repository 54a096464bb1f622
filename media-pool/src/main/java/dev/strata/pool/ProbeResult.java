package dev.strata.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One recorded probe of a target, with the verdict the pool's rules gave it. The history of these
 * results is what the ranking of the media service pool will be computed from.
 */
public class ProbeResult {
  public static final int MAX_DETAIL = 1000;

  private Long id;
  private String targetId;
  private Instant probedAt;
  private ProbeOutcome outcome;
  private Long totalBytes;
  private Long freeBytes;
  private long probeBytes;
  private Long writeMicros;
  private Long readMicros;
  private String detail;

  /** For the persistence mapping only. */
  protected ProbeResult() {}

  /** Judges a measurement of {@code target} taken at {@code probedAt}. */
  public static ProbeResult assess(
      StorageTarget target, ProbeMeasurement m, Instant probedAt, ProbeThresholds thresholds) {
    ProbeResult r = new ProbeResult();
    r.targetId = target.id().value();
    r.probedAt = probedAt;
    r.probeBytes = m.probeBytes();
    r.writeMicros = m.write() == null ? null : micros(m.write());
    r.readMicros = m.read() == null ? null : micros(m.read());

    OptionalLong total = m.total();
    if (total.isEmpty()) {
      total = target.declaredCapacityBytes();
    }
    r.totalBytes = total.isPresent() ? total.getAsLong() : null;
    r.freeBytes = m.free().isPresent() ? m.free().getAsLong() : null;

    List<String> notes = new ArrayList<>();
    if (!m.detail().isEmpty()) {
      notes.add(m.detail());
    }
    if (!m.reachable()) {
      r.outcome = ProbeOutcome.UNREACHABLE;
    } else if (m.probeBytes() > 0 && !m.verified()) {
      r.outcome = ProbeOutcome.FAILED;
    } else {
      r.outcome = ProbeOutcome.OK;
      if (m.probeBytes() == 0) {
        r.outcome = ProbeOutcome.DEGRADED;
        notes.add("no data-path test");
      }
      if (r.totalBytes == null || r.freeBytes == null) {
        r.outcome = ProbeOutcome.DEGRADED;
        notes.add("capacity unknown");
      } else if (r.totalBytes > 0
          && (double) r.freeBytes / r.totalBytes < thresholds.minFreeRatio()) {
        r.outcome = ProbeOutcome.DEGRADED;
        notes.add(
            String.format(
                java.util.Locale.ROOT,
                "free capacity %.1f%% below the %.1f%% floor",
                100.0 * r.freeBytes / r.totalBytes,
                100.0 * thresholds.minFreeRatio()));
      }
    }
    String text = String.join("; ", notes);
    r.detail = text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) : text;
    return r;
  }

  /** Records that no driver of this control center can reach {@code target}. */
  public static ProbeResult noDriver(StorageTarget target, Instant probedAt) {
    ProbeResult r = new ProbeResult();
    r.targetId = target.id().value();
    r.probedAt = probedAt;
    r.outcome = ProbeOutcome.NO_DRIVER;
    r.totalBytes =
        target.declaredCapacityBytes().isPresent()
            ? target.declaredCapacityBytes().getAsLong()
            : null;
    r.detail = "no driver for '" + target.endpoint().getScheme() + ":' endpoints in this build";
    return r;
  }

  private static long micros(Duration d) {
    return Math.max(0, d.toNanos() / 1_000);
  }

  /** Catalog-assigned sequence number; empty before the result is stored. */
  public OptionalLong id() {
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  public TargetId targetId() {
    return new TargetId(targetId);
  }

  public Instant probedAt() {
    return probedAt;
  }

  public ProbeOutcome outcome() {
    return outcome;
  }

  public OptionalLong totalBytes() {
    return totalBytes == null ? OptionalLong.empty() : OptionalLong.of(totalBytes);
  }

  public OptionalLong freeBytes() {
    return freeBytes == null ? OptionalLong.empty() : OptionalLong.of(freeBytes);
  }

  public long probeBytes() {
    return probeBytes;
  }

  public OptionalLong writeMicros() {
    return writeMicros == null ? OptionalLong.empty() : OptionalLong.of(writeMicros);
  }

  public OptionalLong readMicros() {
    return readMicros == null ? OptionalLong.empty() : OptionalLong.of(readMicros);
  }

  /** Write throughput of the probe object in bytes per second, when one was timed. */
  public OptionalLong writeBytesPerSecond() {
    return rate(writeMicros);
  }

  /** Read throughput of the probe object in bytes per second, when one was timed. */
  public OptionalLong readBytesPerSecond() {
    return rate(readMicros);
  }

  private OptionalLong rate(Long micros) {
    if (micros == null || probeBytes == 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(probeBytes * 1_000_000L / Math.max(1, micros));
  }

  public String detail() {
    return detail;
  }
}
