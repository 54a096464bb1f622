package dev.strata.controlcenter.interfaces.rest;

import dev.strata.pool.NetworkLink;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/data-centers}. Shapes and lengths are the domain's rules (see {@link
 * dev.strata.pool.DataCenter}); {@link NotNull} marks what the request must contain.
 */
@Schema(name = "DataCenterRequest")
public record DataCenterRequest(
    @Schema(
            required = true,
            description = "Identity, chosen once: 1-63 lower-case letters, digits, inner hyphens",
            example = "fra-1")
        @NotNull
        String id,
    @Schema(description = "Display name, at most 120 characters; defaults to the id") String name,
    @Schema(description = "Where it is, at most 200 characters") String location,
    @Schema(required = true, description = "How the control center reaches it") @NotNull
        NetworkLink link) {}
