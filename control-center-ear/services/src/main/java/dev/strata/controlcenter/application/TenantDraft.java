package dev.strata.controlcenter.application;

import dev.strata.pool.TenantId;

/** What an administrator gives to create a tenant. */
public record TenantDraft(TenantId id, String name) {}
