package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.DataCenterOverview;
import dev.strata.controlcenter.application.TargetStatus;
import jakarta.ws.rs.core.EntityTag;
import java.util.List;

/** Conversions from application read models to API views. */
final class Views {
  private Views() {}

  static TargetView target(TargetStatus s) {
    return TargetView.of(s.target(), s.latestProbe().orElse(null));
  }

  static List<TargetView> targets(List<TargetStatus> s) {
    return s.stream().map(Views::target).toList();
  }

  static DataCenterView dataCenter(DataCenterOverview o) {
    return DataCenterView.of(o.dataCenter(), targets(o.targets()));
  }

  static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }
}
