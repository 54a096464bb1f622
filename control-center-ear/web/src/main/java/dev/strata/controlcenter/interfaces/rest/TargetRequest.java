package dev.strata.controlcenter.interfaces.rest;

import dev.strata.pool.TargetKind;
import dev.strata.pool.TargetState;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/targets}. Shapes and ranges are the domain's rules (see {@link
 * dev.strata.pool.StorageTarget}); {@link NotNull} marks what the request must contain.
 */
@Schema(name = "TargetRequest")
public record TargetRequest(
    @Schema(
            required = true,
            description = "Identity, chosen once: 1-63 lower-case letters, digits, inner hyphens",
            example = "fra-1-lto9")
        @NotNull
        String id,
    @Schema(required = true, description = "Id of the data center that holds it", example = "fra-1")
        @NotNull
        String dataCenter,
    @Schema(required = true) @NotNull TargetKind kind,
    @Schema(description = "Display name, at most 120 characters; defaults to the id") String name,
    @Schema(
            required = true,
            description =
                "Address whose scheme fits the kind: file:/path (DISK), vtl:/path or"
                    + " vtl://host:port (VTL), mtx:/dev/sgN (TAPE_LIBRARY),"
                    + " s3://bucket/prefix?endpoint=URL (OBJECT_STORE)",
            example = "file:/srv/strata/disk1")
        @NotNull
        String endpoint,
    @Schema(description = "Capacity in bytes (> 0), for devices that cannot report their own")
        Long capacityBytes,
    @Schema(
            description = "What a GiB-month on it costs, as a decimal in the currency of the bills",
            example = "0.0040")
        String costPerGibMonth,
    @Schema(description = "POTENTIAL (the default: probed, no copies yet) or ACTIVE")
        TargetState state) {}
