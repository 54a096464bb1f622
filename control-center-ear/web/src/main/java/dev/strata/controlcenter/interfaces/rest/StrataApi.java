package dev.strata.controlcenter.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The JAX-RS application: everything under {@code /api}; versions are path segments. */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Strata control center",
            version = "v1",
            description =
                "The media resource pool (data centers and their tape libraries, virtual tape"
                    + " libraries, disks and object stores) and the probes that rank it. Errors"
                    + " are RFC 9457 problem details (application/problem+json).",
            license = @License(name = "Proprietary")),
    components =
        @Components(
            responses = {
              @APIResponse(
                  name = "BadRequest",
                  description = "Invalid request; errors name the offending fields",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "NotFound",
                  description = "No such resource",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "Conflict",
                  description = "The id is taken",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = "VersionConflict",
                  description = "Changed since the ETag sent in If-Match",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class)))
            }))
public class StrataApi extends Application {

  /** No WADL: {@code OPTIONS} must not describe the server's internals. */
  @Override
  public java.util.Map<String, Object> getProperties() {
    return java.util.Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
