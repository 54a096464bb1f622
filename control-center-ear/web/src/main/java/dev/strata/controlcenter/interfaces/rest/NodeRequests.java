package dev.strata.controlcenter.interfaces.rest;

import dev.strata.pool.TargetKind;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies storage nodes send to the control center. */
public final class NodeRequests {
  private NodeRequests() {}

  @Schema(name = "EnrolmentRequest", description = "A storage node enrolling with its token")
  public record Enrol(
      @Schema(required = true, description = "The one-time enrolment token", writeOnly = true)
          @NotNull
          String token,
      @Schema(required = true, description = "The node's name", example = "dc2-node") @NotNull
          String node,
      @Schema(
              required = true,
              description = "Where the node answers",
              example = "https://dc2-node.example:8090/")
          @NotNull
          String url) {
    /** Never the token. */
    @Override
    public String toString() {
      return "Enrol[" + node + ", " + url + "]";
    }
  }

  @Schema(name = "Heartbeat", description = "A storage node's heartbeat: where it is, its targets")
  public record Heartbeat(
      @Schema(required = true, example = "https://dc2-node.example:8090/") @NotNull String url,
      @Schema(required = true, ref = "HeartbeatTarget[]") @NotNull List<HeartbeatTarget> targets) {}

  @Schema(name = "HeartbeatTarget")
  public record HeartbeatTarget(
      @Schema(required = true, example = "disk1") @NotNull String name,
      @Schema(required = true) @NotNull TargetKind kind,
      @Schema(required = true, example = "/srv/strata/disk1") @NotNull String location,
      @Schema(description = "The node's latest probe of it") HeartbeatProbe probe) {}

  @Schema(name = "HeartbeatProbe", description = "-1 where something was not measured")
  public record HeartbeatProbe(
      @Schema(required = true) @NotNull Instant at,
      boolean reachable,
      long totalBytes,
      long freeBytes,
      long probeBytes,
      boolean dataPathTested,
      boolean verified,
      long writeMillis,
      long readMillis,
      String detail) {}
}
