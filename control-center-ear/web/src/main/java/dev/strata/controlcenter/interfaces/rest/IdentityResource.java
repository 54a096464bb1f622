package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.IdentityService;
import dev.strata.controlcenter.application.Page;
import dev.strata.controlcenter.application.PrincipalDraft;
import dev.strata.controlcenter.application.TenantDraft;
import dev.strata.controlcenter.interfaces.rest.IdentityViews.CallerView;
import dev.strata.controlcenter.interfaces.rest.IdentityViews.IssuedKeyView;
import dev.strata.controlcenter.interfaces.rest.IdentityViews.KeyView;
import dev.strata.controlcenter.interfaces.rest.IdentityViews.PrincipalPage;
import dev.strata.controlcenter.interfaces.rest.IdentityViews.PrincipalView;
import dev.strata.controlcenter.interfaces.rest.IdentityViews.TenantPage;
import dev.strata.controlcenter.interfaces.rest.IdentityViews.TenantView;
import dev.strata.pool.TenantId;
import dev.strata.pool.identity.Principal;
import dev.strata.pool.identity.PrincipalName;
import dev.strata.pool.identity.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tenants, principals and their API keys; and who the caller is. */
@Path("v1")
@Tag(name = "identity", description = "Tenants, principals, API keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IdentityResource {

  @Inject Caller caller;
  @Inject IdentityService identity;

  @GET
  @Path("me")
  @Operation(operationId = "whoAmI", summary = "Who the credentials sent belong to")
  @APIResponse(
      responseCode = "200",
      description = "The caller",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Caller")))
  public CallerView me() {
    return CallerView.of(caller);
  }

  // ---- tenants

  @GET
  @Path("tenants")
  @Operation(
      operationId = "listTenants",
      summary = "Tenants in id order (a tenant's members see their own)")
  @APIResponse(
      responseCode = "200",
      description = "A page of tenants",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TenantPage")))
  public TenantPage tenants(
      @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The previous page's next") @QueryParam("after") String after) {
    Page<Tenant> page = identity.tenants(caller, Params.page(limit, after));
    return new TenantPage(
        page.items().stream().map(TenantView::of).toList(), page.next().orElse(null));
  }

  @GET
  @Path("tenants/{id}")
  @Operation(operationId = "getTenant", summary = "One tenant")
  @APIResponse(
      responseCode = "200",
      description = "The tenant",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Tenant")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public TenantView tenant(@PathParam("id") String id) {
    return TenantView.of(identity.tenant(caller, Params.tenantId(id)));
  }

  @POST
  @Path("tenants")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createTenant", summary = "Create a tenant")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Tenant")))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response createTenant(TenantRequest body, @Context UriInfo uri) {
    Tenant t = identity.createTenant(caller, new TenantDraft(TenantId.of(body.id()), body.name()));
    return Response.created(uri.getAbsolutePathBuilder().path(t.id().value()).build())
        .entity(TenantView.of(t))
        .build();
  }

  // ---- principals

  @GET
  @Path("principals")
  @Operation(
      operationId = "listPrincipals",
      summary = "Principals in name order (a tenant administrator sees their tenant's)")
  @APIResponse(
      responseCode = "200",
      description = "A page of principals",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PrincipalPage")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public PrincipalPage principals(
      @Parameter(description = "Only this tenant's") @QueryParam("tenant") String tenant,
      @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The previous page's next") @QueryParam("after") String after) {
    Page<Principal> page =
        identity.principals(
            caller, Params.optionalTenant("tenant", tenant), Params.page(limit, after));
    return new PrincipalPage(
        page.items().stream().map(PrincipalView::of).toList(), page.next().orElse(null));
  }

  @GET
  @Path("principals/{name}")
  @Operation(operationId = "getPrincipal", summary = "One principal")
  @APIResponse(
      responseCode = "200",
      description = "The principal",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Principal")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public PrincipalView principal(@PathParam("name") String name) {
    return PrincipalView.of(identity.principal(caller, Params.principalName(name)));
  }

  @POST
  @Path("principals")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createPrincipal",
      summary = "Create an operator, a tenant member, an agent or an application")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names it",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Principal")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response createPrincipal(PrincipalRequest body, @Context UriInfo uri) {
    Principal p =
        identity.createPrincipal(
            caller,
            new PrincipalDraft(
                PrincipalName.of(body.name()),
                body.role(),
                Params.optionalTenant("tenant", body.tenant()).orElse(null),
                body.password() == null ? null : body.password().toCharArray()));
    return Response.created(uri.getAbsolutePathBuilder().path(p.name().value()).build())
        .entity(PrincipalView.of(p))
        .build();
  }

  @POST
  @Path("principals/{name}/disable")
  @Operation(
      operationId = "disablePrincipal",
      summary = "Stop a principal from authenticating, for good (it stays in the audit trail)")
  @APIResponse(
      responseCode = "200",
      description = "Disabled",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Principal")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public PrincipalView disable(@PathParam("name") String name) {
    return PrincipalView.of(identity.disablePrincipal(caller, Params.principalName(name)));
  }

  @PUT
  @Path("principals/{name}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "setPassword",
      summary = "Set a person's password: one's own, or one of a principal within reach")
  @APIResponse(responseCode = "204", description = "Set")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response setPassword(@PathParam("name") String name, PasswordRequest body) {
    identity.setPassword(
        caller,
        Params.principalName(name),
        body.currentPassword() == null ? null : body.currentPassword().toCharArray(),
        body.password().toCharArray());
    return Response.noContent().build();
  }

  // ---- keys

  @GET
  @Path("principals/{name}/keys")
  @Operation(operationId = "listKeys", summary = "A principal's API keys, without their secrets")
  @APIResponse(
      responseCode = "200",
      description = "The keys, newest first",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiKey[]")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public List<KeyView> keys(@PathParam("name") String name) {
    return identity.keys(caller, Params.principalName(name)).stream().map(KeyView::of).toList();
  }

  @POST
  @Path("principals/{name}/keys")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "issueKey",
      summary = "Issue an API key; its token is in this answer only")
  @RequestBody(required = false, content = @Content(schema = @Schema(ref = "KeyRequest")))
  @APIResponse(
      responseCode = "201",
      description = "Issued; Location names it",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "IssuedKey")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public Response issueKey(@PathParam("name") String name, KeyRequest body, @Context UriInfo uri) {
    IssuedKeyView issued =
        IssuedKeyView.of(
            identity.issueKey(
                caller, Params.principalName(name), body == null ? null : body.label()));
    return Response.created(uri.getAbsolutePathBuilder().path(issued.key().id()).build())
        .entity(issued)
        .build();
  }

  @DELETE
  @Path("principals/{name}/keys/{keyId}")
  @Operation(operationId = "revokeKey", summary = "Revoke an API key")
  @APIResponse(
      responseCode = "200",
      description = "Revoked",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApiKey")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public KeyView revokeKey(@PathParam("name") String name, @PathParam("keyId") String keyId) {
    return KeyView.of(identity.revokeKey(caller, Params.principalName(name), keyId));
  }
}
