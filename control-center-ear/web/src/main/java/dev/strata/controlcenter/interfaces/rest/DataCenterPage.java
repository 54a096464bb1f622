package dev.strata.controlcenter.interfaces.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of data centers.
 *
 * @param next the {@code after} value that fetches the next page; absent on the last
 */
@Schema(name = "DataCenterPage")
public record DataCenterPage(List<DataCenterView> items, String next) {}
