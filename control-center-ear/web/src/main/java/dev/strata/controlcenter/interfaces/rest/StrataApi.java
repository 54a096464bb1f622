package dev.strata.controlcenter.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    tags = {
      @Tag(name = "data centers", description = "Sites of the media resource pool"),
      @Tag(name = "targets", description = "Storage targets and their probes")
    })
public class StrataApi extends Application {}
