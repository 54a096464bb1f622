package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.Caller;
import dev.strata.pool.identity.Permission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The health checks in detail, for operators ({@code /health} itself says only up or down). */
@Path("v1/health")
@Tag(name = "health", description = "The control center's own health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

  @Inject Caller caller;
  @Inject @Liveness Instance<HealthCheck> liveness;
  @Inject @Readiness Instance<HealthCheck> readiness;

  @Schema(name = "HealthCheck")
  public record CheckView(String name, String status, Map<String, Object> data) {}

  @Schema(name = "Health")
  public record HealthView(String status, List<CheckView> checks) {}

  @GET
  @Operation(operationId = "getHealth", summary = "Every health check with its details")
  @APIResponse(
      responseCode = "200",
      description = "The checks",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Health")))
  public HealthView health() {
    caller.require(Permission.POOL_READ);
    List<CheckView> checks =
        Stream.concat(liveness.stream(), readiness.stream())
            .distinct()
            .map(HealthResource::run)
            .toList();
    boolean up = checks.stream().allMatch(c -> c.status().equals("UP"));
    return new HealthView(up ? "UP" : "DOWN", checks);
  }

  private static CheckView run(HealthCheck check) {
    try {
      HealthCheckResponse r = check.call();
      return new CheckView(r.getName(), r.getStatus().name(), r.getData().orElse(Map.of()));
    } catch (RuntimeException e) {
      return new CheckView(check.getClass().getSimpleName(), "DOWN", Map.of("error", e.toString()));
    }
  }
}
