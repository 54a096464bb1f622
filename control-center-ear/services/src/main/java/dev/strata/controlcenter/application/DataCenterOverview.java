package dev.strata.controlcenter.application;

import dev.strata.pool.DataCenter;
import java.util.List;

/** A data center with the status of every target in it. */
public record DataCenterOverview(DataCenter dataCenter, List<TargetStatus> targets) {}
