package dev.strata.controlcenter.interfaces.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/tenants}. */
@Schema(name = "TenantRequest")
public record TenantRequest(
    @Schema(
            required = true,
            description = "Identity, chosen once: 1-63 lower-case letters, digits, inner hyphens",
            example = "acme")
        @NotNull
        String id,
    @Schema(
            description = "Display name, at most 120 characters; defaults to the id",
            example = "Acme Corp")
        String name) {}
