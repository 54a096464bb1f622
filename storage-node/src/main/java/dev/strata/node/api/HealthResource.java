package dev.strata.node.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Supplier;

/** {@code /health} (no details, no grant needed) and {@code /metrics} (Prometheus text format). */
@Path("/")
public final class HealthResource {
  private final Supplier<String> metrics;

  public HealthResource(Supplier<String> metrics) {
    this.metrics = metrics;
  }

  /** The node answers. */
  public record Health(String status) {}

  @GET
  @Path("health")
  @Produces(MediaType.APPLICATION_JSON)
  public Health health() {
    return new Health("UP");
  }

  @GET
  @Path("metrics")
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  public String metrics() {
    return metrics.get();
  }
}
