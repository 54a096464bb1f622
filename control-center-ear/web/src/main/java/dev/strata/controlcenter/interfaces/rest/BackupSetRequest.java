package dev.strata.controlcenter.interfaces.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/backup-sets}. */
@Schema(name = "BackupSetRequest")
public record BackupSetRequest(
    @Schema(
            required = true,
            description =
                "Identity, chosen once: a name of lower-case letters, digits and inner hyphens;"
                    + " the center makes it name@tenant (at most 63 characters in all), so each"
                    + " tenant has its own names",
            example = "laptop-home")
        @NotNull
        String id,
    @Schema(
            required = true,
            description = "What it is, at most 120 characters",
            example = "Home directory")
        @NotNull
        String name,
    @Schema(required = true, description = "The QoS policy that protects it", example = "bronze")
        @NotNull
        String policy,
    @Schema(
            description =
                "The agent principal that backs it up (an agent calling defines sets for itself)",
            example = "laptop-7@acme")
        String agent,
    @Schema(description = "The protected machine's host name", example = "laptop-7") String host,
    @Schema(description = "The tenant (only global administrators name it)", example = "acme")
        String tenant) {}
