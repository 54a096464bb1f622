package dev.strata.controlcenter.application;

import dev.strata.pool.catalog.PackHash;

/** A pack an agent uploaded in a session, as it reports it. */
public record PackReport(PackHash pack, long length) {}
