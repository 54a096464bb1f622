package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.Enrolment;
import dev.strata.controlcenter.application.NodeReport;
import dev.strata.controlcenter.application.NodeService;
import dev.strata.controlcenter.application.NodeStatus;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.NodeName;
import dev.strata.pool.UnknownIdentityException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Storage nodes: enrolment tokens, enrolment, heartbeats, and the nodes as operators see them. */
@Path("v1")
@Tag(name = "nodes", description = "Storage nodes: enrolment and heartbeats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {

  @Inject Instance<Caller> caller;
  @Inject NodeService nodes;

  @Schema(name = "Enrolment", description = "What an enrolled node keeps: shown this once")
  public record EnrolmentView(
      String node, String dataCenter, String credential, String grantKey, long heartbeatSeconds) {}

  @Schema(name = "StorageNode")
  public record NodeView(
      String name,
      String dataCenter,
      String url,
      Instant enrolledAt,
      Instant lastHeartbeatAt,
      boolean late,
      List<String> targets) {
    static NodeView of(NodeStatus s) {
      return new NodeView(
          s.node().name().value(),
          s.node().dataCenterId().value(),
          s.node().url().toString(),
          s.node().enrolledAt(),
          s.node().lastHeartbeatAt(),
          s.late(),
          s.targets());
    }
  }

  @POST
  @Path("node-enrolments")
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirements
  @Operation(
      operationId = "enrolNode",
      summary = "A storage node enrols with its one-time token (no other credentials)",
      description =
          "Answers the node's credential (send it as a bearer token with every heartbeat) and the"
              + " public key the node checks grants with; both are shown this once.")
  @APIResponse(
      responseCode = "201",
      description = "Enrolled",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Enrolment")))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response enrol(NodeRequests.Enrol body, @Context UriInfo uri) {
    NodeName name = Params.bodyValue("node", () -> NodeName.of(body.node()));
    Enrolment e = nodes.enrol(body.token(), name, body.url());
    return Response.created(uri.getBaseUriBuilder().path("v1/nodes").path(name.value()).build())
        .entity(
            new EnrolmentView(
                name.value(),
                e.node().dataCenterId().value(),
                e.credential(),
                e.grantKey(),
                nodes.heartbeatInterval().toSeconds()))
        .build();
  }

  @POST
  @Path("nodes/{name}/heartbeats")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "reportHeartbeat",
      summary = "A storage node's heartbeat: where it answers, its targets and their probes")
  @APIResponse(responseCode = "204", description = "Recorded")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response heartbeat(@PathParam("name") String name, NodeRequests.Heartbeat body) {
    NodeName node;
    try {
      node = NodeName.of(name);
    } catch (InvalidValueException e) {
      throw new UnknownIdentityException("storage node", name);
    }
    nodes.heartbeat(
        caller.get(),
        node,
        new NodeReport(
            body.url(),
            body.targets().stream()
                .map(
                    t ->
                        new NodeReport.Target(
                            t.name(),
                            t.kind(),
                            t.location(),
                            t.probe() == null
                                ? null
                                : new NodeReport.Probe(
                                    t.probe().at(),
                                    t.probe().reachable(),
                                    t.probe().totalBytes(),
                                    t.probe().freeBytes(),
                                    t.probe().probeBytes(),
                                    t.probe().dataPathTested(),
                                    t.probe().verified(),
                                    t.probe().writeMillis(),
                                    t.probe().readMillis(),
                                    t.probe().detail() == null ? "" : t.probe().detail())))
                .toList()));
    return Response.noContent().build();
  }

  @GET
  @Path("nodes")
  @Operation(
      operationId = "listNodes",
      summary = "The storage nodes, whether each is late with its heartbeats, and its targets")
  @APIResponse(
      responseCode = "200",
      description = "The nodes",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "StorageNode[]")))
  public List<NodeView> list() {
    return nodes.nodes(caller.get()).stream().map(NodeView::of).toList();
  }
}
