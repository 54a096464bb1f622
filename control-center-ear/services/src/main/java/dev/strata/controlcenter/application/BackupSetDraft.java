package dev.strata.controlcenter.application;

import dev.strata.pool.AgentId;
import dev.strata.pool.TenantId;
import dev.strata.pool.catalog.BackupSetId;
import dev.strata.pool.policy.PolicyName;

/**
 * What a tenant gives to define a backup set: an id, a name, the policy that protects it, and
 * optionally the agent (an agent principal of the tenant) and host it protects. {@code tenant} is
 * needed only from global callers; tenant callers define sets in their own tenant.
 */
public record BackupSetDraft(
    BackupSetId id, TenantId tenant, String name, PolicyName policy, AgentId agent, String host) {}
