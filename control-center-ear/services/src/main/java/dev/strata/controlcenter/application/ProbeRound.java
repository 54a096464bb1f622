package dev.strata.controlcenter.application;

import dev.strata.pool.ProbeOutcome;
import java.util.Map;

/** Summary of one scheduled probe of every probed target. */
public record ProbeRound(int probed, Map<ProbeOutcome, Integer> outcomes) {}
