package dev.strata.controlcenter.interfaces.rest;

import dev.strata.controlcenter.application.Caller;
import dev.strata.controlcenter.application.PolicyService;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.MediaClass;
import dev.strata.pool.PricePerGibMonth;
import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.policy.PolicyName;
import dev.strata.pool.policy.PolicyTerms;
import dev.strata.pool.policy.QosPolicy;
import dev.strata.pool.policy.ServiceFloor;
import dev.strata.pool.policy.VerificationDepth;
import jakarta.enterprise.context.RequestScoped;
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
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The QoS policies: what a backup set is promised, versioned by revisions. */
@Path("v1/policies")
@Tag(name = "policies", description = "QoS policies and their revisions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

  @Inject Caller caller;
  @Inject PolicyService policies;

  @GET
  @Operation(operationId = "listPolicies", summary = "Every policy, each in its revision in force")
  @APIResponse(
      responseCode = "200",
      description = "The policies, in name order",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Policy[]")))
  public List<PolicyView> list() {
    return policies.policies(caller).stream().map(PolicyView::of).toList();
  }

  @GET
  @Path("{name}")
  @Operation(operationId = "getPolicy", summary = "A policy's revision in force")
  @APIResponse(
      responseCode = "200",
      description = "The newest revision",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Policy")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public PolicyView get(@PathParam("name") String name) {
    return PolicyView.of(policies.policy(caller, policyName(name)));
  }

  @GET
  @Path("{name}/revisions")
  @Operation(
      operationId = "listPolicyRevisions",
      summary = "Every revision of a policy, oldest first")
  @APIResponse(
      responseCode = "200",
      description = "The revisions",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Policy[]")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public List<PolicyView> revisions(@PathParam("name") String name) {
    return policies.revisions(caller, policyName(name)).stream().map(PolicyView::of).toList();
  }

  @GET
  @Path("{name}/revisions/{revision}")
  @Operation(operationId = "getPolicyRevision", summary = "One revision of a policy")
  @APIResponse(
      responseCode = "200",
      description = "The revision",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Policy")))
  @APIResponse(responseCode = "404", ref = "NotFound")
  public PolicyView revision(
      @PathParam("name") String name, @PathParam("revision") String revision) {
    int n;
    try {
      n = Integer.parseInt(revision);
    } catch (NumberFormatException e) {
      throw new UnknownIdentityException("policy revision", name + "@" + revision);
    }
    return PolicyView.of(policies.revision(caller, policyName(name), n));
  }

  @POST
  @Path("{name}/revisions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "revisePolicy",
      summary = "Define a policy's next revision (its first, for a new name)",
      description =
          "Revisions are never changed: backup sets planned under an older revision are reported"
              + " outdated until the lifecycle has converged their copies.")
  @APIResponse(
      responseCode = "201",
      description = "The new revision; Location names it",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Policy")))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response revise(
      @PathParam("name") String name, PolicyTermsRequest body, @Context UriInfo uri) {
    PolicyName policyName = Params.bodyValue("name", () -> PolicyName.of(name));
    QosPolicy p = policies.revise(caller, policyName, terms(body));
    return Response.created(
            uri.getAbsolutePathBuilder().path(Integer.toString(p.revision())).build())
        .entity(PolicyView.of(p))
        .build();
  }

  private static PolicyName policyName(String raw) {
    try {
      return PolicyName.of(raw);
    } catch (InvalidValueException e) {
      throw new UnknownIdentityException("policy", raw);
    }
  }

  static PolicyTerms terms(PolicyTermsRequest b) {
    EnumMap<MediaClass, Integer> classes = new EnumMap<>(MediaClass.class);
    classes.put(MediaClass.TAPE, orZero(b.minTapeCopies()));
    classes.put(MediaClass.DISK, orZero(b.minDiskCopies()));
    classes.put(MediaClass.OBJECT, orZero(b.minObjectCopies()));
    return new PolicyTerms(
        b.copies(),
        b.minDataCenters() == null ? 1 : b.minDataCenters(),
        classes,
        b.immutability() == null ? Duration.ZERO : duration("immutability", b.immutability()),
        duration("retention", b.retention()),
        duration("verificationInterval", b.verificationInterval()),
        new VerificationDepth(b.verificationPercent() == null ? 100 : b.verificationPercent()),
        new ServiceFloor(
            b.floorMinAvailability() == null ? 0 : b.floorMinAvailability(),
            orZero(b.floorMinWriteBytesPerSecond()),
            orZero(b.floorMinReadBytesPerSecond()),
            b.floorMaxErrorRate() == null ? 1 : b.floorMaxErrorRate()),
        duration("restoreTimeObjective", b.restoreTimeObjective()),
        Params.bodyValue(
            "pricePerGibMonth", () -> PricePerGibMonth.ofDecimal(b.pricePerGibMonth())),
        b.description());
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }

  private static long orZero(Long l) {
    return l == null ? 0 : l;
  }

  private static Duration duration(String field, String iso) {
    try {
      return Duration.parse(iso);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          field, "must be an ISO-8601 duration such as P30D or PT4H (got '" + iso + "')");
    }
  }
}
