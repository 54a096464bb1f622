package dev.strata.controlcenter.interfaces.rest;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/placements/preview}. */
@Schema(name = "PlacementPreviewRequest")
public record PlacementRequestBody(
    @Schema(required = true, description = "The policy to place under", example = "bronze") @NotNull
        String policy,
    @Schema(required = true, description = "Bytes to place", example = "1073741824") @NotNull
        Long sizeBytes,
    @Schema(
            description = "Targets that already hold a copy (they count toward the policy)",
            example = "[\"local-disk\"]")
        List<String> existingCopies) {}
