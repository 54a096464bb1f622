package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.DataFlowService;
import dev.strata.controlcenter.application.NodeGateway;
import dev.strata.controlcenter.application.PackReport;
import dev.strata.controlcenter.application.SessionGrant;
import dev.strata.controlcenter.application.SnapshotCommit;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.catalog.BackupSetId;
import dev.strata.pool.catalog.PackHash;
import dev.strata.pool.catalog.SigningKey;
import dev.strata.pool.catalog.Snapshot;
import dev.strata.pool.catalog.SnapshotId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Backup sessions: where an agent's packs go, which it uploaded, and the snapshot it commits. */
@Path("v1")
@Tag(name = "sessions", description = "Backups through the control center")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

  @Inject Caller caller;
  @Inject DataFlowService flow;
  @Inject NodeGateway gateway;

  @Schema(name = "SessionRequest")
  public record SessionRequest(
      @Schema(
              required = true,
              description = "Hex Ed25519 public key the session's packs are signed with")
          @NotNull
          String signingKey) {}

  @Schema(name = "Session", description = "A session: upload the packs to the node with the grant")
  public record SessionView(
      String session,
      String tenant,
      String backupSet,
      String node,
      String dataCenter,
      String nodeUrl,
      String landingTarget,
      String grant,
      Instant expiresAt) {
    static SessionView of(SessionGrant g) {
      return new SessionView(
          g.session().id(),
          g.session().tenant().value(),
          g.session().backupSet().value(),
          g.node().name().value(),
          g.node().dataCenterId().value(),
          g.node().url().toString(),
          g.session().landing().value(),
          g.grant(),
          g.session().expiresAt());
    }
  }

  @Schema(name = "PackReportEntry")
  public record PackEntry(
      @Schema(required = true) @NotNull String pack, @Schema(required = true) long length) {}

  @Schema(name = "PackReport")
  public record PackReportRequest(
      @Schema(required = true, ref = "PackReportEntry[]") @NotNull List<PackEntry> packs) {}

  @Schema(name = "PackReportResult")
  public record PackReportView(int recorded) {}

  @Schema(name = "SnapshotCommit")
  public record CommitRequest(
      @Schema(required = true) @NotNull String snapshot,
      @Schema(required = true) long sequence,
      @Schema(required = true) @NotNull Instant takenAt,
      @Schema(required = true) long sizeBytes,
      @Schema(required = true, description = "Every pack the snapshot needs") @NotNull
          List<String> packs) {}

  @Schema(name = "CommittedSnapshot")
  public record CommittedView(String snapshot, String backupSet, long sequence, int packs) {}

  @POST
  @Path("backup-sets/{id}/sessions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "openBackupSession",
      summary = "Open a backup session: the node to upload to, and a grant for it")
  @APIResponse(
      responseCode = "201",
      description = "Opened",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Session")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
  public Response open(@PathParam("id") String id, SessionRequest body) {
    BackupSetId set;
    try {
      set = BackupSetId.of(id);
    } catch (InvalidValueException e) {
      throw new UnknownIdentityException("backup set", id);
    }
    SigningKey key = Params.bodyValue("signingKey", () -> SigningKey.of(body.signingKey()));
    return Response.status(Response.Status.CREATED)
        .entity(SessionView.of(flow.openSession(caller, set, key)))
        .build();
  }

  @POST
  @Path("sessions/{id}/packs")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "reportSessionPacks",
      summary = "Report packs uploaded to the session's node (checked with the node)")
  @APIResponse(
      responseCode = "200",
      description = "Recorded",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "PackReportResult")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public PackReportView report(@PathParam("id") String id, PackReportRequest body) {
    List<PackReport> reports =
        body.packs().stream()
            .map(
                p ->
                    new PackReport(
                        Params.bodyValue("packs", () -> PackHash.of(p.pack())), p.length()))
            .toList();
    return new PackReportView(flow.reportPacks(caller, id, reports));
  }

  @PUT
  @Path("sessions/{id}/packs/{pack}")
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(
      operationId = "uploadPackThroughCenter",
      summary =
          "Upload a pack through the control center (for an agent that cannot reach the node)",
      description =
          "The center streams the pack to the session's node, which verifies its hash and"
              + " signature and makes it durable before it answers; the center then records the"
              + " copy. Needs Content-Length. Uploading to the node directly is faster.")
  @APIResponse(responseCode = "201", description = "Stored on the node and recorded")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(
      responseCode = "503",
      description = "The session's node cannot take the pack now; retry after Retry-After")
  public Response upload(
      @PathParam("id") String id,
      @PathParam("pack") String pack,
      @HeaderParam("Content-Length") String contentLength,
      InputStream body) {
    PackHash hash;
    try {
      hash = PackHash.of(pack);
    } catch (InvalidValueException e) {
      throw new InvalidRequestException("pack", "a pack is named by its SHA-256 (64 hex digits)");
    }
    long length;
    try {
      length = contentLength == null ? -1 : Long.parseLong(contentLength.strip());
    } catch (NumberFormatException e) {
      length = -1;
    }
    if (length < 0) {
      throw new InvalidRequestException("Content-Length", "a pack upload needs a Content-Length");
    }
    DataFlowService.Forward to = flow.forward(caller, id);
    long stored;
    try {
      stored = gateway.upload(to.node(), to.grant(), to.tenant(), hash, length, body);
    } catch (NodeGateway.NodeUnavailableException e) {
      throw new dev.strata.pool.UnavailableException(
          "the session's storage node cannot take the pack now: " + e.getMessage());
    }
    int recorded = flow.reportPacks(caller, id, List.of(new PackReport(hash, stored)));
    return Response.status(Response.Status.CREATED)
        .entity(new UploadView(hash.hex(), stored, recorded))
        .build();
  }

  @Schema(name = "PackUpload")
  public record UploadView(String pack, long length, int recorded) {}

  @POST
  @Path("sessions/{id}/commit")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "commitSnapshot",
      summary = "Commit the session's snapshot with every pack it needs")
  @APIResponse(
      responseCode = "201",
      description = "Committed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "CommittedSnapshot")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response commit(@PathParam("id") String id, CommitRequest body) {
    Snapshot s =
        flow.commit(
            caller,
            id,
            new SnapshotCommit(
                Params.bodyValue("snapshot", () -> SnapshotId.of(body.snapshot())),
                body.sequence(),
                body.takenAt(),
                body.sizeBytes(),
                body.packs().stream()
                    .map(h -> Params.bodyValue("packs", () -> PackHash.of(h)))
                    .toList()));
    return Response.status(Response.Status.CREATED)
        .entity(
            new CommittedView(
                s.id().hex(), s.backupSetId().value(), s.sequence(), s.packs().size()))
        .build();
  }
}
