package dev.strata.controlcenter.interfaces.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PUT /api/v1/targets/{id}}: the full set of changeable attributes (the state
 * changes through {@code POST .../activate}, {@code .../drain} and {@code .../retire}).
 */
@Schema(name = "TargetUpdate")
public record TargetUpdate(
    @Schema(description = "Display name; defaults to the id", example = "Array 1") String name,
    @Schema(required = true, example = "file:/srv/strata/disk1") @NotNull String endpoint,
    @Schema(description = "Capacity in bytes (> 0), for devices that cannot report their own")
        Long capacityBytes,
    @Schema(
            description = "What a GiB-month on it costs, as a decimal in the currency of the bills",
            example = "0.0040")
        String costPerGibMonth) {}
