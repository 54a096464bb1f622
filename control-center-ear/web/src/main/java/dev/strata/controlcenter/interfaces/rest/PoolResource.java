package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.PlacementService;
import dev.strata.controlcenter.application.PoolRanking;
import dev.strata.controlcenter.application.TargetQuery;
import dev.strata.controlcenter.interfaces.rest.PoolViews.PreviewView;
import dev.strata.controlcenter.interfaces.rest.PoolViews.RankedTargetView;
import dev.strata.pool.TargetId;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetState;
import dev.strata.pool.policy.PolicyName;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The media service pool ranked by delivered service, and what placement would do with it. */
@Path("v1")
@Tag(name = "pool", description = "The ranked media service pool and placement")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PoolResource {

  @Inject Caller caller;
  @Inject PoolRanking ranking;
  @Inject PlacementService placement;

  @GET
  @Path("pool")
  @Operation(
      operationId = "rankPool",
      summary = "The media service pool, best first, each score with its components",
      description =
          "Scores come from each target's probes over the ranking window and the verification of"
              + " the copies it holds (docs/ranking.md); the service state changes with"
              + " hysteresis.")
  @APIResponse(
      responseCode = "200",
      description = "The ranked targets",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "RankedTarget[]")))
  public List<RankedTargetView> pool(
      @Parameter(description = "Only this data center's targets") @QueryParam("dataCenter")
          String dataCenter,
      @Parameter(schema = @Schema(implementation = TargetKind.class)) @QueryParam("kind")
          String kind,
      @Parameter(schema = @Schema(implementation = TargetState.class)) @QueryParam("state")
          String state) {
    TargetQuery query =
        new TargetQuery(
            Params.optionalDataCenter("dataCenter", dataCenter),
            Params.optionalEnum("kind", kind, TargetKind.class),
            Params.optionalEnum("state", state, TargetState.class));
    return ranking.rank(caller, query).stream().map(RankedTargetView::of).toList();
  }

  @POST
  @Path("placements/preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "previewPlacement",
      summary = "Where the copies of this much data would go under a policy, and why",
      description =
          "Changes nothing. For each copy: the chosen target and the candidates passed over;"
              + " for every other candidate, the constraint that excluded it; when no plan meets"
              + " the policy, which requirement cannot be met.")
  @APIResponse(
      responseCode = "200",
      description = "The plan with its explanation",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "PlacementPreview")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public PreviewView preview(PlacementRequestBody body) {
    PolicyName policy = Params.bodyValue("policy", () -> PolicyName.of(body.policy()));
    if (body.sizeBytes() < 0) {
      throw new InvalidRequestException("sizeBytes", "must not be negative");
    }
    List<TargetId> existing =
        body.existingCopies() == null
            ? List.of()
            : body.existingCopies().stream()
                .map(id -> Params.bodyValue("existingCopies", () -> TargetId.of(id)))
                .toList();
    return PreviewView.of(placement.preview(caller, policy, body.sizeBytes(), existing));
  }
}
