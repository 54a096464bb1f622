package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.DataCenterDraft;
import dev.strata.controlcenter.application.DataCenterOverview;
import dev.strata.controlcenter.application.IssuedEnrolmentToken;
import dev.strata.controlcenter.application.NodeService;
import dev.strata.controlcenter.application.Page;
import dev.strata.controlcenter.application.PoolQueries;
import dev.strata.controlcenter.application.PoolService;
import dev.strata.pool.DataCenter;
import dev.strata.pool.DataCenterId;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Data centers of the media resource pool. */
@Path("v1/data-centers")
@Tag(name = "data centers", description = "Sites of the media resource pool")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DataCenterResource {

  @Inject Caller caller;
  @Inject PoolService pool;
  @Inject PoolQueries queries;
  @Inject NodeService nodes;

  @GET
  @Operation(
      operationId = "listDataCenters",
      summary = "Data centers in id order, each with its storage targets and their latest probe")
  @APIResponse(
      responseCode = "200",
      description = "A page of data centers",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "DataCenterPage")))
  public DataCenterPage list(
      @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The previous page's next") @QueryParam("after") String after) {
    Page<DataCenterOverview> page = queries.overview(caller, Params.page(limit, after));
    return new DataCenterPage(
        page.items().stream().map(Views::dataCenter).toList(), page.next().orElse(null));
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getDataCenter", summary = "One data center with its storage targets")
  @APIResponse(
      responseCode = "200",
      description = "The data center; ETag carries its version",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DataCenter")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(@PathParam("id") String id) {
    DataCenterView view = Views.dataCenter(queries.overview(caller, Params.dataCenterId(id)));
    return Response.ok(view).tag(Views.etag(view.version())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createDataCenter", summary = "Establish a data center")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DataCenter")))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response create(DataCenterRequest body, @Context UriInfo uri) {
    DataCenter dc =
        pool.establishDataCenter(
            caller,
            new DataCenterDraft(
                DataCenterId.of(body.id()), body.name(), body.location(), body.link()));
    DataCenterView view = DataCenterView.of(dc, List.of());
    return Response.created(uri.getAbsolutePathBuilder().path(dc.id().value()).build())
        .tag(Views.etag(dc.version()))
        .entity(view)
        .build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateDataCenter",
      summary = "Describe a data center anew",
      description =
          "Send If-Match with the ETag you read to refuse lost updates (412 on mismatch).")
  @APIResponse(
      responseCode = "200",
      description = "Updated",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DataCenter")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "412", ref = "VersionConflict")
  public Response update(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      DataCenterUpdate body) {
    DataCenterId dcId = Params.dataCenterId(id);
    pool.describeDataCenter(
        caller,
        new DataCenterDraft(dcId, body.name(), body.location(), body.link()),
        Params.ifMatch(ifMatch));
    return get(id);
  }

  @Schema(name = "EnrolmentToken", description = "A one-time token, shown this once")
  public record TokenView(String token, String dataCenter, Instant expiresAt) {}

  @POST
  @Path("{id}/enrolment-tokens")
  @Operation(
      operationId = "issueEnrolmentToken",
      summary = "A one-time token with which a storage node enrols in this data center")
  @APIResponse(
      responseCode = "201",
      description = "The token (valid 24 hours, once)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "EnrolmentToken")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response issueToken(@PathParam("id") String dataCenter) {
    IssuedEnrolmentToken t = nodes.issueEnrolmentToken(caller, Params.dataCenterId(dataCenter));
    return Response.status(Response.Status.CREATED)
        .entity(new TokenView(t.text(), t.token().dataCenterId().value(), t.token().expiresAt()))
        .build();
  }
}
