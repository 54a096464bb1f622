package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.DataFlowService;
import dev.strata.controlcenter.application.Page;
import dev.strata.controlcenter.application.ReadSource;
import dev.strata.controlcenter.application.RepositoryService;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.catalog.Pack;
import dev.strata.pool.catalog.PackHash;
import dev.strata.pool.catalog.RepositoryObject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's repository as its agents see it through the control center: the small objects the
 * center keeps (config, wrapped keys, signed snapshots, ledger, locks), the packs stored on nodes,
 * and where each pack can be read.
 */
@Path("v1/tenants/{tenant}/repository")
@Tag(name = "repository", description = "A tenant's repository: objects, packs, read sources")
@RequestScoped
public class RepositoryResource {

  @Inject Caller caller;
  @Inject RepositoryService repository;
  @Inject DataFlowService flow;

  @Schema(name = "RepositoryObjectEntry")
  public record ObjectView(String name, long length, String sha256) {
    static ObjectView of(RepositoryObject o) {
      return new ObjectView(o.name(), o.length(), o.sha256());
    }
  }

  @Schema(name = "RepositoryObjectPage")
  public record ObjectPage(List<ObjectView> items, String next) {}

  @Schema(name = "StoredPack")
  public record PackView(String pack, long length) {}

  @Schema(name = "StoredPackPage")
  public record PackPage(List<PackView> items, String next) {}

  @Schema(name = "ReadSourcesRequest")
  public record ReadSourcesRequest(
      @Schema(required = true, description = "SHA-256 names of the packs to read")
          @jakarta.validation.constraints.NotNull
          List<String> packs) {}

  @Schema(name = "ReadSource", description = "Where a pack can be read now, with a grant")
  public record ReadSourceView(String pack, String target, String node, String grant) {
    static ReadSourceView of(ReadSource s) {
      return new ReadSourceView(s.pack().hex(), s.target(), s.node().toString(), s.grant());
    }
  }

  @GET
  @Path("objects")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "listRepositoryObjects", summary = "The repository's objects, by name")
  @APIResponse(
      responseCode = "200",
      description = "A page of objects",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "RepositoryObjectPage")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public ObjectPage objects(
      @PathParam("tenant") String tenant,
      @Parameter(description = "Only names that start with this") @QueryParam("prefix")
          String prefix,
      @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The previous page's next") @QueryParam("after") String after) {
    var page = Params.page(limit, after);
    List<RepositoryObject> found =
        repository.list(caller, Params.tenantId(tenant), prefix, page.after(), page.limit() + 1);
    Page<RepositoryObject> p = Page.of(found, page, RepositoryObject::name);
    return new ObjectPage(p.items().stream().map(ObjectView::of).toList(), p.next().orElse(null));
  }

  @GET
  @Path("objects/{name: .+}")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(operationId = "getRepositoryObject", summary = "An object's bytes")
  @APIResponse(
      responseCode = "200",
      description = "The bytes; ETag is their SHA-256",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_OCTET_STREAM,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response get(@PathParam("tenant") String tenant, @PathParam("name") String name) {
    RepositoryObject o = repository.get(caller, Params.tenantId(tenant), objectName(name));
    return Response.ok(o.content(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
        .tag(o.sha256())
        .build();
  }

  @HEAD
  @Path("objects/{name: .+}")
  @Operation(operationId = "statRepositoryObject", summary = "Whether an object exists, its size")
  @APIResponse(responseCode = "200", description = "It exists; Content-Length is its size")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response head(@PathParam("tenant") String tenant, @PathParam("name") String name) {
    RepositoryObject o = repository.get(caller, Params.tenantId(tenant), objectName(name));
    return Response.ok().header("Content-Length", o.length()).tag(o.sha256()).build();
  }

  @PUT
  @Path("objects/{name: .+}")
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(
      operationId = "putRepositoryObject",
      summary = "Store an object (written once; the same bytes again are a no-op)")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_OCTET_STREAM,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "201", description = "Stored")
  @APIResponse(responseCode = "200", description = "Already stored, with these bytes")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response put(
      @PathParam("tenant") String tenant, @PathParam("name") String name, InputStream body)
      throws IOException {
    byte[] bytes = body.readNBytes(RepositoryObject.MAX_BYTES + 1);
    if (bytes.length > RepositoryObject.MAX_BYTES) {
      throw new PayloadTooLargeException(
          "a repository object is at most " + RepositoryObject.MAX_BYTES + " bytes");
    }
    boolean created = repository.put(caller, Params.tenantId(tenant), objectName(name), bytes);
    return Response.status(created ? 201 : 200).build();
  }

  @DELETE
  @Path("objects/{name: .+}")
  @Operation(
      operationId = "deleteRepositoryObject",
      summary = "Delete a lock, or a snapshot object a repair re-numbers")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response delete(@PathParam("tenant") String tenant, @PathParam("name") String name) {
    repository.delete(caller, Params.tenantId(tenant), objectName(name));
    return Response.noContent().build();
  }

  @GET
  @Path("packs")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listStoredPacks",
      summary = "The tenant's packs that have a copy, in name order (for deduplication)")
  @APIResponse(
      responseCode = "200",
      description = "A page of packs",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "StoredPackPage")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public PackPage packs(
      @PathParam("tenant") String tenant,
      @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The previous page's next") @QueryParam("after") String after) {
    Page<Pack> page = flow.packs(caller, Params.tenantId(tenant), Params.page(limit, after));
    return new PackPage(
        page.items().stream().map(p -> new PackView(p.hash().hex(), p.sizeBytes())).toList(),
        page.next().orElse(null));
  }

  @POST
  @Path("read-sources")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "findReadSources",
      summary = "Where each pack can be read now (the best copy on a live node), with grants",
      description = "Packs without a readable copy now are left out of the answer.")
  @APIResponse(
      responseCode = "200",
      description = "One source per readable pack",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReadSource[]")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public List<ReadSourceView> readSources(
      @PathParam("tenant") String tenant, ReadSourcesRequest body) {
    if (body.packs().size() > 10_000) {
      throw new InvalidRequestException("packs", "at most 10000 packs at a time");
    }
    List<PackHash> packs =
        body.packs().stream().map(h -> Params.bodyValue("packs", () -> PackHash.of(h))).toList();
    return flow.readSources(caller, Params.tenantId(tenant), packs).stream()
        .map(ReadSourceView::of)
        .toList();
  }

  private static String objectName(String raw) {
    try {
      return RepositoryObject.requireName(raw);
    } catch (InvalidValueException e) {
      throw new InvalidRequestException("name", e.getMessage());
    }
  }
}
