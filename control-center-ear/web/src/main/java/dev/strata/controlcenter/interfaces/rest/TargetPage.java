package dev.strata.controlcenter.interfaces.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of storage targets.
 *
 * @param next the {@code after} value that fetches the next page; absent on the last
 */
@Schema(name = "TargetPage")
public record TargetPage(List<TargetView> items, String next) {}
