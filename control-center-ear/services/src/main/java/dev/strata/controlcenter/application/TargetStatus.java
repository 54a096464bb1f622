package dev.strata.controlcenter.application;

import dev.strata.pool.ProbeResult;
import dev.strata.pool.StorageTarget;
import java.util.Optional;

/** A target together with its newest probe result, if it was ever probed. */
public record TargetStatus(StorageTarget target, Optional<ProbeResult> latestProbe) {}
