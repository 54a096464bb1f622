package dev.strata.controlcenter.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/** The JAX-RS application: everything under {@code /api}; versions are path segments. */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Strata control center",
            version = "v1",
            description =
                "The media resource pool (data centers and their tape libraries, virtual tape"
                    + " libraries, disks and object stores), the probes that rank it, and who may"
                    + " use it. Every call but a storage node's enrolment is authenticated: an API key as a bearer token"
                    + " (agents, applications, scripts) or HTTP Basic (people). An object of"
                    + " another tenant answers 404, exactly like one that does not exist. Errors"
                    + " are RFC 9457 problem details (application/problem+json).",
            license = @License(name = "Proprietary", url = "https://strata.invalid/license")),
    servers = @Server(url = "/", description = "This control center"),
    components =
        @Components(
            securitySchemes = {
              @SecurityScheme(
                  securitySchemeName = "apiKey",
                  type = SecuritySchemeType.HTTP,
                  scheme = "bearer",
                  bearerFormat = "stk_<key id>_<secret>",
                  description = "An API key issued by POST /api/v1/principals/{name}/keys"),
              @SecurityScheme(
                  securitySchemeName = "basic",
                  type = SecuritySchemeType.HTTP,
                  scheme = "basic",
                  description = "A person's name and password")
            },
            responses = {
              @APIResponse(
                  name = "BadRequest",
                  description = "Invalid request; errors name the offending fields",
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
              @APIResponse(
                  name = "Unauthorized",
                  description = "No credentials, or credentials that are not valid",
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
              @APIResponse(
                  name = "Forbidden",
                  description =
                      "The caller's role does not allow this operation (or a browser's cross-site request)",
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
              @APIResponse(
                  name = "NotFound",
                  description = "No such resource (or one of another tenant)",
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
              @APIResponse(
                  name = "Conflict",
                  description = "The id is taken, or the object's state does not allow the change",
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
              @APIResponse(
                  name = "VersionConflict",
                  description = "Changed since the ETag sent in If-Match, or concurrently",
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
              @APIResponse(
                  name = "PayloadTooLarge",
                  description = "The body is larger than the control center takes",
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
              @APIResponse(
                  name = "UnsupportedMediaType",
                  description = "The body is not of the media type the operation takes",
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
              @APIResponse(
                  name = "TooManyRequests",
                  description =
                      "Too many failed password logins for this name or from this address; passwords are not checked until Retry-After has passed",
                  headers =
                      @Header(
                          name = "Retry-After",
                          description = "Seconds to wait before trying again",
                          schema = @Schema(type = SchemaType.INTEGER)),
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
              @APIResponse(
                  name = "ServiceUnavailable",
                  description = "No storage node can serve this now; try again after Retry-After",
                  headers =
                      @Header(
                          name = "Retry-After",
                          description = "Seconds to wait before trying again",
                          schema = @Schema(type = SchemaType.INTEGER)),
                  content =
                      @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
            }))
public class StrataApi extends Application {

  /** No WADL: {@code OPTIONS} must not describe the server's internals. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
