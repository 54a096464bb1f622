package dev.strata.controlcenter.interfaces.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/policies/{name}/revisions}: the terms of a policy's next revision
 * (its first, when the name is new). Periods are ISO-8601 durations ({@code P30D}, {@code PT4H}).
 */
@Schema(name = "PolicyTermsRequest")
public record PolicyTermsRequest(
    @Schema(required = true, description = "Copies kept of every pack, 1-16", example = "3")
        @NotNull
        Integer copies,
    @Schema(description = "Distinct data centers the copies span (default 1)", example = "2")
        Integer minDataCenters,
    @Schema(description = "At least this many copies on tape (default 0)", example = "1")
        Integer minTapeCopies,
    @Schema(description = "At least this many copies on disk (default 0)", example = "1")
        Integer minDiskCopies,
    @Schema(description = "At least this many copies in object stores (default 0)", example = "0")
        Integer minObjectCopies,
    @Schema(
            description = "How long a copy cannot be changed or deleted (default P0D)",
            example = "P30D")
        String immutability,
    @Schema(required = true, description = "How long a snapshot is kept", example = "P365D")
        @NotNull
        String retention,
    @Schema(required = true, description = "How often every copy is read back", example = "P7D")
        @NotNull
        String verificationInterval,
    @Schema(
            description = "Percent of each copy a verification reads (default 100)",
            example = "100")
        Integer verificationPercent,
    @Schema(description = "Availability a target must deliver, 0..1 (default 0)", example = "0.99")
        Double floorMinAvailability,
    @Schema(description = "Write throughput a target must deliver, bytes/s (default 0)")
        Long floorMinWriteBytesPerSecond,
    @Schema(description = "Read throughput a target must deliver, bytes/s (default 0)")
        Long floorMinReadBytesPerSecond,
    @Schema(
            description = "Data-error rate a target may not exceed, 0..1 (default 1)",
            example = "0.001")
        Double floorMaxErrorRate,
    @Schema(
            required = true,
            description = "A copy can be restored within this time",
            example = "PT4H")
        @NotNull
        String restoreTimeObjective,
    @Schema(
            required = true,
            description = "What a GiB-month costs the tenant, as a decimal",
            example = "0.0300")
        @NotNull
        String pricePerGibMonth,
    @Schema(description = "A line for operators and tenants", example = "Three copies, one offline")
        String description) {}
