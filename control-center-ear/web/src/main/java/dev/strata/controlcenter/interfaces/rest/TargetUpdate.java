package dev.strata.controlcenter.interfaces.rest;

import dev.strata.pool.TargetState;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/v1/targets/{id}}: the full set of changeable attributes. */
@Schema(name = "TargetUpdate")
public record TargetUpdate(
    @Schema(description = "Display name; defaults to the id") String name,
    @Schema(required = true) @NotNull String endpoint,
    @Schema(description = "Capacity in bytes (> 0), for devices that cannot report their own")
        Long capacityBytes,
    @Schema(required = true) @NotNull TargetState state) {}
