package dev.strata.disk;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing, in name order.
 *
 * @param packs the packs of this page
 * @param next the name to pass as {@code after} for the next page; empty on the last page
 */
public record PackPage(List<PackInfo> packs, Optional<PackName> next) {}
