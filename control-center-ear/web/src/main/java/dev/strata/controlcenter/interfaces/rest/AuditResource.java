package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.AuditFilter;
import dev.strata.controlcenter.application.AuditService;
import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.Page;
import dev.strata.controlcenter.interfaces.rest.IdentityViews.AuditEventView;
import dev.strata.controlcenter.interfaces.rest.IdentityViews.AuditPage;
import dev.strata.pool.identity.AuditEvent;
import dev.strata.pool.identity.AuditOutcome;
import dev.strata.pool.identity.PrincipalName;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of every state-changing call, for auditors. */
@Path("v1/audit")
@Tag(name = "audit", description = "Who changed what, when, from where, with what outcome")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @Inject Caller caller;
  @Inject AuditService audit;

  @GET
  @Operation(operationId = "listAuditEvents", summary = "Audit events, newest first, filtered")
  @APIResponse(
      responseCode = "200",
      description = "A page of events",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AuditPage")))
  public AuditPage events(
      @Parameter(description = "Only this principal's") @QueryParam("principal") String principal,
      @Parameter(description = "Only this tenant's") @QueryParam("tenant") String tenant,
      @Parameter(description = "Only this operation (an operation id of this API)")
          @QueryParam("operation")
          String operation,
      @Parameter(description = "Only calls on this object id") @QueryParam("targetId")
          String targetId,
      @Parameter(schema = @Schema(implementation = AuditOutcome.class)) @QueryParam("outcome")
          String outcome,
      @Parameter(description = "From this time on (ISO-8601)") @QueryParam("from") String from,
      @Parameter(description = "Before this time (ISO-8601)") @QueryParam("to") String to,
      @Parameter(description = "Page size, 1 to 1000 (default 100)") @QueryParam("limit")
          String limit,
      @Parameter(description = "The previous page's next") @QueryParam("after") String after) {
    AuditFilter filter =
        new AuditFilter(
            Optional.ofNullable(principal)
                .filter(s -> !s.isEmpty())
                .map(s -> Params.bodyValue("principal", () -> PrincipalName.of(s))),
            Params.optionalTenant("tenant", tenant),
            Optional.ofNullable(operation).filter(s -> !s.isEmpty()),
            Optional.ofNullable(targetId).filter(s -> !s.isEmpty()),
            Optional.ofNullable(Params.optionalEnum("outcome", outcome, AuditOutcome.class)),
            Params.optionalInstant("from", from),
            Params.optionalInstant("to", to));
    if (after != null && !after.isEmpty()) {
      Params.optionalLong("after", after, 1);
    }
    Page<AuditEvent> page = audit.events(caller, filter, Params.page(limit, after));
    return new AuditPage(
        page.items().stream().map(AuditEventView::of).toList(), page.next().orElse(null));
  }
}
