package dev.strata.controlcenter.interfaces.rest;

import dev.strata.pool.NetworkLink;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/v1/data-centers/{id}}: the full set of changeable attributes. */
@Schema(name = "DataCenterUpdate")
public record DataCenterUpdate(
    @Schema(description = "Display name; defaults to the id") String name,
    @Schema(description = "Where it is") String location,
    @Schema(required = true) @NotNull NetworkLink link) {}
