package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.Page;
import dev.strata.controlcenter.application.RestoreService;
import dev.strata.controlcenter.application.RestoreService.ReadFailure;
import dev.strata.controlcenter.application.RestoreService.ReportStatus;
import dev.strata.controlcenter.application.RestoreService.RestoreDraft;
import dev.strata.controlcenter.interfaces.rest.RepositoryResource.ReadSourceView;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.catalog.PackHash;
import dev.strata.pool.catalog.SnapshotId;
import dev.strata.pool.restore.Restore;
import dev.strata.pool.restore.RestoreEstimate;
import dev.strata.pool.restore.RestoreEvent;
import dev.strata.pool.restore.RestoreId;
import dev.strata.pool.restore.RestoreState;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One-call restores: ask for a snapshot to be restored by one of the tenant's agents and get the
 * estimate before it starts; follow it as it runs (an event stream); the agent reads its packs from
 * the sources it is given and reports.
 */
@Path("v1/restores")
@Tag(name = "restores", description = "Restores, their estimates and their progress")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RestoreResource {

  @Inject Caller caller;
  @Inject RestoreService restores;

  @Resource ManagedScheduledExecutorService executor;

  @Schema(name = "RestoreRequest")
  public record RestoreRequest(
      @Schema(required = true, description = "The snapshot to restore (64 hex digits)") @NotNull
          String snapshot,
      @Schema(
              description =
                  "The agent that restores (name@tenant); an agent asking for itself may omit it")
          String agent,
      @Schema(
              required = true,
              description = "Where on the agent's machine to restore to (an empty directory)")
          @NotNull
          String directory,
      @Schema(description = "Paths inside the snapshot to restore; none: everything")
          List<String> paths) {}

  @Schema(name = "RestoreEstimateRequest")
  public record EstimateRequest(@Schema(required = true) @NotNull String snapshot) {}

  @Schema(name = "RestoreEstimatePart", description = "What one target contributes")
  public record PartView(
      String target,
      String dataCenter,
      String mediaClass,
      int packs,
      long bytes,
      int tapeMounts,
      double seconds,
      long bytesPerSecond,
      @Schema(description = "false: an assumed speed, the target was never measured")
          boolean measured) {}

  @Schema(
      name = "RestoreEstimate",
      description =
          "How long the restore takes before it starts: recalls from tape (mounts, locates,"
              + " reads), then the transfer at each target's measured speed, capped by its data"
              + " center's link. Paths restore at most this (the center cannot see which packs"
              + " hold which files).")
  public record EstimateView(
      double seconds,
      double stagingSeconds,
      double transferSeconds,
      long bytes,
      int packs,
      int tapeMounts,
      boolean measured,
      @Schema(description = "Packs without a copy that can be read now") int missingPacks,
      List<PartView> parts) {
    static EstimateView of(RestoreEstimate e) {
      return new EstimateView(
          e.total().toMillis() / 1000.0,
          e.staging().toMillis() / 1000.0,
          e.transfer().toMillis() / 1000.0,
          e.bytes(),
          e.packs(),
          e.tapeMounts(),
          e.measured(),
          e.missingPacks(),
          e.parts().stream()
              .map(
                  p ->
                      new PartView(
                          p.target().value(),
                          p.dataCenter().value(),
                          p.mediaClass().name(),
                          p.packs(),
                          p.bytes(),
                          p.mounts(),
                          p.time().toMillis() / 1000.0,
                          p.bytesPerSecond(),
                          p.measured()))
              .toList());
    }
  }

  @Schema(name = "Restore")
  public record RestoreView(
      String id,
      String tenant,
      String snapshot,
      String backupSet,
      String agent,
      String requestedBy,
      String directory,
      List<String> paths,
      @Schema(enumeration = {"PREPARING", "READY", "RUNNING", "DONE", "FAILED", "CANCELLED"})
          String state,
      double estimatedSeconds,
      double estimatedStagingSeconds,
      long estimatedBytes,
      int estimatedPacks,
      int estimatedTapeMounts,
      boolean estimateMeasured,
      long bytesDone,
      long filesDone,
      int failovers,
      String detail,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt,
      @Schema(description = "Where its events stream") String events) {
    static RestoreView of(Restore r) {
      return new RestoreView(
          r.id().hex(),
          r.tenant().value(),
          r.snapshot().hex(),
          r.backupSet().value(),
          r.agent().value(),
          r.requestedBy().value(),
          r.directory(),
          r.paths(),
          r.state().name(),
          r.estimate().toMillis() / 1000.0,
          r.estimatedStaging().toMillis() / 1000.0,
          r.estimatedBytes(),
          r.estimatedPacks(),
          r.estimatedMounts(),
          r.estimateMeasured(),
          r.bytesDone(),
          r.filesDone(),
          r.failovers(),
          r.detail().orElse(null),
          r.createdAt(),
          r.startedAt().orElse(null),
          r.finishedAt().orElse(null),
          "/api/v1/restores/" + r.id().hex() + "/events");
    }
  }

  @Schema(name = "RestorePage")
  public record RestorePage(List<RestoreView> items, String next) {}

  @Schema(name = "RestoreEvent")
  public record EventView(
      long sequence, Instant at, String kind, String message, long bytesDone, long filesDone) {
    static EventView of(RestoreEvent e) {
      return new EventView(
          e.sequence(), e.at(), e.kind().name(), e.message(), e.bytesDone(), e.filesDone());
    }
  }

  @Schema(name = "ReadFailure", description = "A copy that failed while the agent read it")
  public record FailureRequest(
      @Schema(required = true) @NotNull String pack,
      @Schema(required = true) @NotNull String target,
      @Schema(description = "true: it read other bytes (hash or signature wrong)") boolean corrupt,
      String reason) {}

  @Schema(name = "RestoreSourcesRequest")
  public record SourcesRequest(
      @Schema(required = true) @NotNull List<String> packs,
      @Schema(description = "Copies that failed since the last call", ref = "ReadFailure[]")
          List<FailureRequest> failed) {}

  @Schema(name = "RestoreReport")
  public record ReportRequest(
      @Schema(
              required = true,
              enumeration = {"RUNNING", "DONE", "FAILED"})
          @NotNull
          String status,
      long bytesDone,
      long filesDone,
      String message) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "requestRestore",
      summary = "Restore a snapshot with one of the tenant's agents; answers with the estimate")
  @APIResponse(
      responseCode = "201",
      description = "Requested; it prepares or is ready",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Restore")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  public Response request(RestoreRequest body) {
    Restore r =
        restores.request(
            caller,
            new RestoreDraft(
                snapshotId(body.snapshot()),
                Optional.ofNullable(body.agent()).map(a -> Params.principalName(a)),
                body.directory(),
                body.paths() == null ? List.of() : body.paths()));
    return Response.status(Response.Status.CREATED)
        .header("Location", "/api/v1/restores/" + r.id().hex())
        .entity(RestoreView.of(r))
        .build();
  }

  @POST
  @Path("estimate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "estimateRestore",
      summary = "How long restoring a snapshot would take now, from which copies; starts nothing")
  @APIResponse(
      responseCode = "200",
      description = "The estimate",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "RestoreEstimate")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public EstimateView estimate(EstimateRequest body) {
    return EstimateView.of(restores.estimate(caller, snapshotId(body.snapshot())).estimate());
  }

  @GET
  @Operation(operationId = "listRestores", summary = "Restores, newest first")
  @APIResponse(
      responseCode = "200",
      description = "A page of restores",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RestorePage")))
  public RestorePage list(
      @Parameter(description = "Only restores in this state") @QueryParam("state") String state,
      @Parameter(description = "Only restores run by this agent") @QueryParam("agent") String agent,
      @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The previous page's next") @QueryParam("after") String after) {
    Page<Restore> page =
        restores.list(
            caller,
            Optional.ofNullable(Params.optionalEnum("state", state, RestoreState.class)),
            Optional.ofNullable(agent).map(Params::principalName),
            Params.page(limit, after));
    return new RestorePage(
        page.items().stream().map(RestoreView::of).toList(), page.next().orElse(null));
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getRestore", summary = "A restore: its estimate, state and progress")
  @APIResponse(
      responseCode = "200",
      description = "The restore",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Restore")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestoreView get(@PathParam("id") String id) {
    return RestoreView.of(restores.get(caller, restoreId(id)));
  }

  @GET
  @Path("{id}/events")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listRestoreEvents",
      summary =
          "A restore's events after a sequence number: JSON, or a stream of server-sent events",
      description =
          "As JSON (the default): the events after 'after', at most 1000. With Accept:"
              + " text/event-stream: the events as server-sent events until the restore ends, each"
              + " named by its kind, with its sequence number as id and the event as JSON data; a"
              + " client that reconnects sends Last-Event-ID and misses nothing.")
  @APIResponse(
      responseCode = "200",
      description = "The events, in order",
      content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RestoreEvent[]")),
        @Content(
            mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "404", ref = "NotFound")
  public List<EventView> events(
      @PathParam("id") String id,
      @Parameter(description = "Only events after this sequence number") @QueryParam("after")
          String after) {
    Long from = Params.optionalLong("after", after, 0);
    return restores.events(caller, restoreId(id), from == null ? 0 : from, 1000).stream()
        .map(EventView::of)
        .toList();
  }

  @GET
  @Path("{id}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS + ";qs=0.5") // JSON unless the client asks for a stream
  // The same operation as the JSON method above, annotated alike: Payara merges the two methods
  // into one operation, and the one it reads last names it.
  @Operation(
      operationId = "listRestoreEvents",
      summary =
          "A restore's events after a sequence number: JSON, or a stream of server-sent events",
      description =
          "As JSON (the default): the events after 'after', at most 1000. With Accept:"
              + " text/event-stream: the events as server-sent events until the restore ends, each"
              + " named by its kind, with its sequence number as id and the event as JSON data; a"
              + " client that reconnects sends Last-Event-ID and misses nothing.")
  @APIResponse(
      responseCode = "200",
      description = "The events, in order",
      content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RestoreEvent[]")),
        @Content(
            mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "404", ref = "NotFound")
  public void stream(
      @PathParam("id") String id,
      @Parameter(
              description =
                  "With text/event-stream: the id of the last event received (replaces after)")
          @HeaderParam("Last-Event-ID")
          String lastEventId,
      @QueryParam("after") String after,
      @Context SseEventSink sink,
      @Context Sse sse) {
    RestoreId restore = restoreId(id);
    restores.get(caller, restore);
    Long from =
        Params.optionalLong("Last-Event-ID", lastEventId != null ? lastEventId.strip() : after, 0);
    new RestoreEventPump(
            restores,
            callerOf(caller),
            restore,
            from == null ? 0 : from,
            sink,
            sse,
            RestoreResource::json)
        .start(executor);
  }

  @POST
  @Path("{id}/sources")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "restoreSources",
      summary = "For the restoring agent: where to read packs now, with grants",
      description =
          "Name the copies that failed since the last call: each is an event, a corrupt one is"
              + " marked suspect, and the pack's next copy is returned. Packs only tape holds are"
              + " recalled first. Packs with no copy left are not in the answer.")
  @APIResponse(
      responseCode = "200",
      description = "One source per pack that can be read",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReadSource[]")))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public List<ReadSourceView> sources(@PathParam("id") String id, SourcesRequest body) {
    if (body.packs().size() > 10_000) {
      throw new InvalidRequestException("packs", "at most 10000 packs at a time");
    }
    List<PackHash> packs =
        body.packs().stream().map(h -> Params.bodyValue("packs", () -> PackHash.of(h))).toList();
    List<ReadFailure> failures =
        (body.failed() == null ? List.<FailureRequest>of() : body.failed())
            .stream()
                .map(
                    f ->
                        new ReadFailure(
                            Params.bodyValue("failed", () -> PackHash.of(f.pack())),
                            Params.bodyValue(
                                "failed", () -> dev.strata.pool.TargetId.of(f.target())),
                            f.corrupt(),
                            f.reason()))
                .toList();
    return restores.sources(caller, restoreId(id), packs, failures).stream()
        .map(ReadSourceView::of)
        .toList();
  }

  @POST
  @Path("{id}/reports")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "reportRestore",
      summary = "For the restoring agent: progress while running, then the outcome")
  @APIResponse(
      responseCode = "200",
      description = "The restore as recorded",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Restore")))
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public RestoreView report(@PathParam("id") String id, ReportRequest body) {
    ReportStatus status = Params.optionalEnum("status", body.status(), ReportStatus.class);
    if (body.bytesDone() < 0 || body.filesDone() < 0) {
      throw new InvalidRequestException("bytesDone", "counts are not negative");
    }
    return RestoreView.of(
        restores.report(
            caller, restoreId(id), status, body.bytesDone(), body.filesDone(), body.message()));
  }

  @POST
  @Path("{id}/cancel")
  @Operation(operationId = "cancelRestore", summary = "Cancel a restore that has not ended")
  @APIResponse(
      responseCode = "200",
      description = "Cancelled",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Restore")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public RestoreView cancel(@PathParam("id") String id) {
    return RestoreView.of(restores.cancel(caller, restoreId(id)));
  }

  static String json(RestoreEvent e) {
    return Json.createObjectBuilder()
        .add("sequence", e.sequence())
        .add("at", e.at().toString())
        .add("kind", e.kind().name())
        .add("message", e.message())
        .add("bytesDone", e.bytesDone())
        .add("filesDone", e.filesDone())
        .build()
        .toString();
  }

  private static RestoreId restoreId(String raw) {
    try {
      return RestoreId.of(raw);
    } catch (InvalidValueException e) {
      throw new UnknownIdentityException("restore", raw);
    }
  }

  private static SnapshotId snapshotId(String raw) {
    return Params.bodyValue("snapshot", () -> SnapshotId.of(raw));
  }

  static Caller callerOf(Caller c) {
    return new Caller(c.name(), c.role(), c.tenant());
  }
}
