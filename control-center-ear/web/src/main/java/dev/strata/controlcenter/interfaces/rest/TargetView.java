package dev.strata.controlcenter.interfaces.rest;

import dev.strata.pool.MediaClass;
import dev.strata.pool.ProbeResult;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetState;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A storage target with its newest probe result. */
@Schema(name = "Target")
public record TargetView(
    String id,
    String dataCenter,
    TargetKind kind,
    MediaClass mediaClass,
    String name,
    String endpoint,
    Long capacityBytes,
    String costPerGibMonth,
    TargetState state,
    Instant createdAt,
    Instant updatedAt,
    long version,
    ProbeView latestProbe) {

  static TargetView of(StorageTarget t, ProbeResult latest) {
    return new TargetView(
        t.id().value(),
        t.dataCenterId().value(),
        t.kind(),
        t.mediaClass(),
        t.name(),
        t.endpoint().toString(),
        ProbeView.boxed(t.declaredCapacityBytes()),
        t.cost().map(c -> c.toDecimal().stripTrailingZeros().toPlainString()).orElse(null),
        t.state(),
        t.createdAt(),
        t.updatedAt(),
        t.version(),
        latest == null ? null : ProbeView.of(latest));
  }
}
