package dev.strata.controlcenter.interfaces.rest;

import dev.strata.pool.ProbeOutcome;
import dev.strata.pool.ProbeResult;
import java.time.Instant;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One recorded probe of a target. Absent numbers were not measured. */
@Schema(name = "Probe")
public record ProbeView(
    long id,
    Instant probedAt,
    ProbeOutcome outcome,
    Long totalBytes,
    Long freeBytes,
    long probeBytes,
    Long writeMicros,
    Long readMicros,
    Long writeBytesPerSecond,
    Long readBytesPerSecond,
    String detail) {

  static ProbeView of(ProbeResult r) {
    return new ProbeView(
        r.id().orElse(0),
        r.probedAt(),
        r.outcome(),
        boxed(r.totalBytes()),
        boxed(r.freeBytes()),
        r.probeBytes(),
        boxed(r.writeMicros()),
        boxed(r.readMicros()),
        boxed(r.writeBytesPerSecond()),
        boxed(r.readBytesPerSecond()),
        r.detail());
  }

  static Long boxed(OptionalLong v) {
    return v.isPresent() ? v.getAsLong() : null;
  }
}
