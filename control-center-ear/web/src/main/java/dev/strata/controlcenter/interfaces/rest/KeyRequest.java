package dev.strata.controlcenter.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/principals/{name}/keys}. */
@Schema(name = "KeyRequest")
public record KeyRequest(
    @Schema(description = "What the key is for, at most 120 characters", example = "backup cron")
        String label) {}
