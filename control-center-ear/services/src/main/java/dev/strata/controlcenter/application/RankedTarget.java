package dev.strata.controlcenter.application;

import dev.strata.pool.StorageTarget;
import dev.strata.pool.rank.TargetScore;

/** A target of the media service pool with its score: its place in the ranking and why. */
public record RankedTarget(int rank, StorageTarget target, TargetScore score) {}
