package dev.strata.controlcenter.application;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.NetworkLink;

/** What an operator gives to establish a data center, or to describe it anew. */
public record DataCenterDraft(DataCenterId id, String name, String location, NetworkLink link) {}
