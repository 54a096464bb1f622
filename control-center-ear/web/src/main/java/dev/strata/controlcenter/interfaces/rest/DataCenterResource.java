package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.DataCenterDraft;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Data centers of the media resource pool. */
@Path("v1/data-centers")
@Tag(name = "data centers", description = "Sites of the media resource pool")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DataCenterResource {

  @Inject PoolService pool;
  @Inject PoolQueries queries;

  @GET
  @Operation(summary = "All data centers, each with its storage targets and their latest probe")
  public List<DataCenterView> list() {
    return queries.overview().stream().map(Views::dataCenter).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One data center with its storage targets")
  @APIResponse(responseCode = "200", description = "The data center; ETag carries its version")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(@PathParam("id") String id) {
    DataCenterView view = Views.dataCenter(queries.overview(Params.dataCenterId(id)));
    return Response.ok(view).tag(Views.etag(view.version())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Establish a data center")
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response create(DataCenterRequest body, @jakarta.ws.rs.core.Context UriInfo uri) {
    DataCenter dc =
        pool.establishDataCenter(
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
      summary = "Describe a data center anew",
      description =
          "Send If-Match with the ETag you read to refuse lost updates (412 on mismatch).")
  @APIResponse(responseCode = "200", description = "Updated")
  @APIResponse(responseCode = "412", ref = "VersionConflict")
  public Response update(
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      DataCenterUpdate body) {
    DataCenterId dcId = Params.dataCenterId(id);
    pool.describeDataCenter(
        new DataCenterDraft(dcId, body.name(), body.location(), body.link()),
        Params.ifMatch(ifMatch));
    return get(id);
  }
}
