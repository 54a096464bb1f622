package dev.strata.controlcenter.interfaces.rest;

import dev.strata.pool.DataCenter;
import dev.strata.pool.NetworkLink;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A data center with the storage targets it holds. */
@Schema(name = "DataCenter")
public record DataCenterView(
    String id,
    String name,
    String location,
    NetworkLink link,
    Instant createdAt,
    Instant updatedAt,
    long version,
    List<TargetView> targets) {

  static DataCenterView of(DataCenter dc, List<TargetView> targets) {
    return new DataCenterView(
        dc.id().value(),
        dc.name(),
        dc.location().orElse(null),
        dc.link(),
        dc.createdAt(),
        dc.updatedAt(),
        dc.version(),
        targets);
  }
}
