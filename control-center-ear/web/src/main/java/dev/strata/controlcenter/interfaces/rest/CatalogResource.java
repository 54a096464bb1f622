package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.BackupSetDraft;
import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.CatalogService;
import dev.strata.controlcenter.application.Page;
import dev.strata.controlcenter.application.SnapshotStatus;
import dev.strata.controlcenter.interfaces.rest.CatalogViews.BackupSetPage;
import dev.strata.controlcenter.interfaces.rest.CatalogViews.BackupSetView;
import dev.strata.controlcenter.interfaces.rest.CatalogViews.MediumPage;
import dev.strata.controlcenter.interfaces.rest.CatalogViews.MediumView;
import dev.strata.controlcenter.interfaces.rest.CatalogViews.SnapshotDetail;
import dev.strata.controlcenter.interfaces.rest.CatalogViews.SnapshotPage;
import dev.strata.controlcenter.interfaces.rest.CatalogViews.SnapshotView;
import dev.strata.pool.AgentId;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.TargetId;
import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.catalog.BackupSet;
import dev.strata.pool.catalog.BackupSetId;
import dev.strata.pool.catalog.Medium;
import dev.strata.pool.catalog.MediumId;
import dev.strata.pool.catalog.SnapshotId;
import dev.strata.pool.policy.PolicyName;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The backup catalog: backup sets, snapshots with their protection, copies; and media. */
@Path("v1")
@Tag(name = "catalog", description = "Backup sets, snapshots and their protection, media")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

  @Inject Caller caller;
  @Inject CatalogService catalog;

  @GET
  @Path("backup-sets")
  @Operation(
      operationId = "listBackupSets",
      summary = "Backup sets in id order (a tenant's principals see their tenant's)")
  @APIResponse(
      responseCode = "200",
      description = "A page of backup sets",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BackupSetPage")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public BackupSetPage backupSets(
      @Parameter(description = "Only this tenant's") @QueryParam("tenant") String tenant,
      @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The previous page's next") @QueryParam("after") String after) {
    Page<BackupSet> page =
        catalog.backupSets(
            caller, Params.optionalTenant("tenant", tenant), Params.page(limit, after));
    return new BackupSetPage(
        page.items().stream().map(this::view).toList(), page.next().orElse(null));
  }

  private BackupSetView view(BackupSet s) {
    return BackupSetView.of(s, catalog.isOutdated(s));
  }

  @GET
  @Path("backup-sets/{id}")
  @Operation(operationId = "getBackupSet", summary = "One backup set")
  @APIResponse(
      responseCode = "200",
      description = "The backup set",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BackupSet")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public BackupSetView backupSet(@PathParam("id") String id) {
    return view(catalog.backupSet(caller, id(id, "backup set", BackupSetId::of)));
  }

  @POST
  @Path("backup-sets")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "defineBackupSet",
      summary = "Define a backup set: what is protected, by which agent, under which policy")
  @APIResponse(
      responseCode = "201",
      description = "Defined; Location names it",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BackupSet")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response define(BackupSetRequest body, @Context UriInfo uri) {
    BackupSet s =
        catalog.defineBackupSet(
            caller,
            new BackupSetDraft(
                Params.bodyValue("id", () -> BackupSetId.of(body.id())),
                Params.optionalTenant("tenant", body.tenant()).orElse(null),
                body.name(),
                Params.bodyValue("policy", () -> PolicyName.of(body.policy())),
                body.agent() == null
                    ? null
                    : Params.bodyValue("agent", () -> AgentId.of(body.agent())),
                body.host()));
    return Response.created(uri.getAbsolutePathBuilder().path(s.id().value()).build())
        .entity(view(s))
        .build();
  }

  @GET
  @Path("backup-sets/{id}/snapshots")
  @Operation(
      operationId = "listSnapshots",
      summary = "A backup set's snapshots, newest first, each with its protection now")
  @APIResponse(
      responseCode = "200",
      description = "A page of snapshots",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SnapshotPage")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public SnapshotPage snapshots(
      @PathParam("id") String id,
      @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The previous page's next") @QueryParam("after") String after) {
    if (after != null && !after.isEmpty()) {
      Params.optionalLong("after", after, 1);
    }
    Page<SnapshotStatus> page =
        catalog.snapshots(caller, id(id, "backup set", BackupSetId::of), Params.page(limit, after));
    return new SnapshotPage(
        page.items().stream().map(SnapshotView::of).toList(), page.next().orElse(null));
  }

  @GET
  @Path("snapshots/{id}")
  @Operation(
      operationId = "getSnapshot",
      summary = "A snapshot with its protection, its packs and where every copy of them is")
  @APIResponse(
      responseCode = "200",
      description = "The snapshot",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "SnapshotDetail")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public SnapshotDetail snapshot(@PathParam("id") String id) {
    return SnapshotDetail.of(catalog.snapshot(caller, id(id, "snapshot", SnapshotId::of)));
  }

  @GET
  @Path("media")
  @Operation(operationId = "listMedia", summary = "Cartridges and volumes in id order")
  @APIResponse(
      responseCode = "200",
      description = "A page of media",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MediumPage")))
  public MediumPage media(
      @Parameter(description = "Only this target's") @QueryParam("target") String target,
      @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The previous page's next") @QueryParam("after") String after) {
    Optional<TargetId> t =
        target == null || target.isEmpty()
            ? Optional.empty()
            : Optional.of(Params.bodyValue("target", () -> TargetId.of(target)));
    Page<Medium> page = catalog.media(caller, t, Params.page(limit, after));
    return new MediumPage(
        page.items().stream().map(MediumView::of).toList(), page.next().orElse(null));
  }

  @GET
  @Path("media/{id}")
  @Operation(operationId = "getMedium", summary = "One cartridge or volume")
  @APIResponse(
      responseCode = "200",
      description = "The medium",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Medium")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public MediumView medium(@PathParam("id") String id) {
    return MediumView.of(catalog.medium(caller, id(id, "medium", MediumId::of)));
  }

  /** A path id that cannot be valid names nothing: 404, like an unknown one. */
  private static <T> T id(String raw, String what, Function<String, T> parse) {
    try {
      return parse.apply(raw);
    } catch (InvalidValueException e) {
      throw new UnknownIdentityException(what, raw);
    }
  }
}
