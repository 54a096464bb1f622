package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.Page;
import dev.strata.controlcenter.application.PoolQueries;
import dev.strata.controlcenter.application.PoolService;
import dev.strata.controlcenter.application.ProbeService;
import dev.strata.controlcenter.application.TargetChanges;
import dev.strata.controlcenter.application.TargetDraft;
import dev.strata.controlcenter.application.TargetQuery;
import dev.strata.controlcenter.application.TargetStatus;
import dev.strata.pool.ProbeResult;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Storage targets of the media resource pool and their probe history. */
@Path("v1/targets")
@Tag(name = "targets", description = "Storage targets and their probes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {
  static final int MAX_PAGE = 1000;

  @Inject Caller caller;
  @Inject PoolService pool;
  @Inject PoolQueries queries;
  @Inject ProbeService probes;

  @GET
  @Operation(
      operationId = "listTargets",
      summary = "Storage targets in id order, optionally filtered, each with its latest probe")
  @APIResponse(
      responseCode = "200",
      description = "A page of targets",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TargetPage")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public TargetPage list(
      @Parameter(description = "Data center id") @QueryParam("dataCenter") String dataCenter,
      @Parameter(schema = @Schema(implementation = TargetKind.class)) @QueryParam("kind")
          String kind,
      @Parameter(schema = @Schema(implementation = TargetState.class)) @QueryParam("state")
          String state,
      @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The previous page's next") @QueryParam("after") String after) {
    TargetQuery query =
        new TargetQuery(
            Params.optionalDataCenter("dataCenter", dataCenter),
            Params.optionalEnum("kind", kind, TargetKind.class),
            Params.optionalEnum("state", state, TargetState.class));
    Page<TargetStatus> page = queries.targets(caller, query, Params.page(limit, after));
    return new TargetPage(Views.targets(page.items()), page.next().orElse(null));
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getTarget", summary = "One storage target with its latest probe")
  @APIResponse(
      responseCode = "200",
      description = "The target; ETag carries its version",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Target")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(@PathParam("id") String id) {
    TargetView view = Views.target(queries.target(caller, Params.targetId(id)));
    return Response.ok(view).tag(Views.etag(view.version())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "registerTarget", summary = "Register a storage target in a data center")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names it",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Target")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response create(TargetRequest body, @Context UriInfo uri) {
    StorageTarget t =
        pool.registerTarget(
            caller,
            new TargetDraft(
                TargetId.of(body.id()),
                Params.bodyDataCenterId("dataCenter", body.dataCenter()),
                body.kind(),
                body.name(),
                body.endpoint(),
                body.capacityBytes(),
                Params.optionalPrice("costPerGibMonth", body.costPerGibMonth()),
                body.state()));
    return Response.created(uri.getAbsolutePathBuilder().path(t.id().value()).build())
        .tag(Views.etag(t.version()))
        .entity(Views.target(new TargetStatus(t, Optional.empty())))
        .build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateTarget",
      summary = "Reconfigure a storage target",
      description =
          "Kind and data center are fixed at registration. Send If-Match with the ETag you read"
              + " to refuse lost updates (412 on mismatch).")
  @APIResponse(
      responseCode = "200",
      description = "Updated",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Target")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "412", ref = "VersionConflict")
  public Response update(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      TargetUpdate body) {
    pool.reconfigureTarget(
        caller,
        Params.targetId(id),
        new TargetChanges(
            body.name(),
            body.endpoint(),
            body.capacityBytes(),
            Params.optionalPrice("costPerGibMonth", body.costPerGibMonth())),
        Params.ifMatch(ifMatch));
    return get(id);
  }

  @POST
  @Path("{id}/activate")
  @Operation(
      operationId = "activateTarget",
      summary = "Give a target new copies (from POTENTIAL, or back from DRAINING)")
  @APIResponse(
      responseCode = "200",
      description = "Active",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Target")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response activate(@PathParam("id") String id) {
    pool.transition(caller, Params.targetId(id), PoolService.Transition.ACTIVATE);
    return get(id);
  }

  @POST
  @Path("{id}/drain")
  @Operation(
      operationId = "drainTarget",
      summary = "Stop giving a target new copies; it keeps serving reads while copies move off")
  @APIResponse(
      responseCode = "200",
      description = "Draining",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Target")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response drain(@PathParam("id") String id) {
    pool.transition(caller, Params.targetId(id), PoolService.Transition.DRAIN);
    return get(id);
  }

  @POST
  @Path("{id}/retire")
  @Operation(
      operationId = "retireTarget",
      summary = "Take a target out of service for good (an active one drains first)")
  @APIResponse(
      responseCode = "200",
      description = "Retired",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Target")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response retire(@PathParam("id") String id) {
    pool.transition(caller, Params.targetId(id), PoolService.Transition.RETIRE);
    return get(id);
  }

  @GET
  @Path("{id}/probes")
  @Operation(operationId = "listProbes", summary = "Probe history of a target, newest first, paged")
  @APIResponse(
      responseCode = "200",
      description = "A page of probes",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ProbePage")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public ProbePage probes(
      @PathParam("id") String id,
      @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit")
          String limit,
      @Parameter(description = "Only probes older than this probe id (the previous page's next)")
          @QueryParam("before")
          String before) {
    int n = Params.integer("limit", limit, 50, 1, MAX_PAGE);
    List<ProbeResult> page =
        probes.history(caller, Params.targetId(id), n, Params.optionalLong("before", before, 1));
    List<ProbeView> items = page.stream().map(ProbeView::of).toList();
    Long next = items.size() == n ? items.get(items.size() - 1).id() : null;
    return new ProbePage(items, next);
  }

  @POST
  @Path("{id}/probes")
  @Operation(operationId = "probeTarget", summary = "Probe a target now and record the result")
  @APIResponse(
      responseCode = "201",
      description = "The recorded probe",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Probe")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response probeNow(@PathParam("id") String id) {
    ProbeResult r = probes.probeNow(caller, Params.targetId(id));
    return Response.status(Response.Status.CREATED).entity(ProbeView.of(r)).build();
  }
}
