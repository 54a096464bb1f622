package dev.strata.controlcenter.interfaces.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of probe history, newest first.
 *
 * @param next the {@code before} value that fetches the next (older) page; absent on the last
 */
@Schema(name = "ProbePage")
public record ProbePage(List<ProbeView> items, Long next) {}
