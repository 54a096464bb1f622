package dev.strata.controlcenter.application;

import dev.strata.pool.DuplicateIdentityException;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.TargetId;
import dev.strata.pool.TenantId;
import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.catalog.BackupSet;
import dev.strata.pool.catalog.BackupSetId;
import dev.strata.pool.catalog.Medium;
import dev.strata.pool.catalog.MediumId;
import dev.strata.pool.catalog.PackCopy;
import dev.strata.pool.catalog.Protection;
import dev.strata.pool.catalog.Snapshot;
import dev.strata.pool.catalog.SnapshotId;
import dev.strata.pool.identity.Permission;
import dev.strata.pool.identity.Principal;
import dev.strata.pool.identity.PrincipalName;
import dev.strata.pool.identity.Role;
import dev.strata.pool.policy.CopyRequirements;
import dev.strata.pool.policy.QosPolicy;
import dev.strata.pool.rank.ServiceFigures;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backup catalog as tenants and operators read it: backup sets, their snapshots with the
 * protection each has now (derived from the copies and the policy, never stored), the copies of
 * their packs, and the media. Every query is scoped to the caller's tenant. The data flow writes
 * snapshots and copies (issue 12); backup sets are defined here. Each public method is one
 * transaction.
 */
@Stateless
@Interceptors(DomainRules.class)
public class CatalogService {

  @Inject BackupSetRepository sets;
  @Inject SnapshotRepository snapshots;
  @Inject PackCopyRepository copies;
  @Inject MediumRepository media;
  @Inject TenantRepository tenants;
  @Inject PrincipalRepository principals;
  @Inject PolicyRepository policyRevisions;
  @Inject RankingCalculator ranking;
  @Inject TargetRepository targets;
  @Inject Clock clock;

  // ---- backup sets

  public BackupSet defineBackupSet(Caller caller, BackupSetDraft draft) {
    caller.require(Permission.BACKUPS_MANAGE);
    // A tenant named in the request is checked like any other id: a tenant's principal naming
    // another tenant finds nothing (404), rather than having its set silently made in its own.
    TenantId tenant = draft.tenant() != null ? draft.tenant() : caller.tenant().orElse(null);
    if (tenant == null) {
      throw new InvalidValueException("tenant", "name the tenant the backup set belongs to");
    }
    caller.mustSee(Optional.of(tenant), "tenant", tenant);
    tenants.find(tenant).orElseThrow(() -> new UnknownIdentityException("tenant", tenant));
    dev.strata.pool.AgentId agent = draft.agent();
    if (agent == null && caller.role() == Role.AGENT) {
      agent = new dev.strata.pool.AgentId(caller.name().value());
    }
    if (agent != null) {
      dev.strata.pool.AgentId a = agent;
      Principal p =
          principals
              .find(PrincipalName.of(agent.value()))
              .filter(x -> x.role() == Role.AGENT && x.tenant().equals(Optional.of(tenant)))
              .orElseThrow(
                  () ->
                      new InvalidValueException(
                          "agent", "no agent '" + a + "' in tenant " + tenant));
      if (!p.active()) {
        throw new InvalidValueException("agent", "the agent '" + agent + "' is disabled");
      }
    }
    if (draft.id().tenant().isPresent() && !draft.id().tenant().get().equals(tenant)) {
      throw new InvalidValueException(
          "id", "a backup set's id is name@tenant, with its own tenant: " + tenant);
    }
    BackupSetId id = draft.id().within(tenant);
    if (sets.find(id).isPresent()) {
      throw new DuplicateIdentityException("backup set", id);
    }
    QosPolicy policy = policyRevisions.inForce(draft.policy());
    BackupSet set =
        BackupSet.create(
            id, tenant, agent, draft.host(), draft.name(), policy.ref(), clock.instant());
    sets.add(set);
    return set;
  }

  public Page<BackupSet> backupSets(Caller caller, Optional<TenantId> tenant, PageRequest page) {
    caller.require(Permission.CATALOG_READ);
    return Page.of(sets.list(caller.scope(tenant), page), page, s -> s.id().value());
  }

  public BackupSet backupSet(Caller caller, BackupSetId id) {
    caller.require(Permission.CATALOG_READ);
    return visibleSet(caller, id);
  }

  /** Whether the set's policy has a newer revision than the one it was planned under. */
  public boolean isOutdated(BackupSet set) {
    return policyRevisions.current(set.policy().name()).map(set::isOutdated).orElse(false);
  }

  /** The set a caller means by {@code id} ({@code name} alone is its own tenant's name@tenant). */
  private BackupSet visibleSet(Caller caller, BackupSetId id) {
    BackupSet s =
        sets.find(id.seenBy(caller.tenant()))
            .or(() -> sets.find(id)) // sets defined before ids named their tenant
            .orElseThrow(() -> new UnknownIdentityException("backup set", id));
    caller.mustSee(Optional.of(s.tenantId()), "backup set", id);
    return s;
  }

  // ---- snapshots

  public Page<SnapshotStatus> snapshots(Caller caller, BackupSetId setId, PageRequest page) {
    caller.require(Permission.CATALOG_READ);
    BackupSet set = visibleSet(caller, setId);
    return Page.of(snapshots.of(set.id(), page), page, s -> Long.toString(s.sequence()))
        .map(s -> status(set, s));
  }

  public SnapshotStatus snapshot(Caller caller, SnapshotId id) {
    caller.require(Permission.CATALOG_READ);
    Snapshot s = snapshots.find(id).orElseThrow(() -> new UnknownIdentityException("snapshot", id));
    caller.mustSee(Optional.of(s.tenantId()), "snapshot", id);
    return status(visibleSet(caller, s.backupSetId()), s);
  }

  private SnapshotStatus status(BackupSet set, Snapshot s) {
    QosPolicy policy =
        policyRevisions
            .revision(set.policy().name(), set.policy().revision())
            .orElseThrow(() -> new IllegalStateException("policy " + set.policy() + " is missing"));
    CopyRequirements requirements = policy.terms().requirements();
    List<PackCopy> packCopies = copies.ofPacks(s.tenantId(), s.packs());
    Map<TargetId, ServiceFigures> figures = new HashMap<>();
    List<TargetId> holding = packCopies.stream().map(PackCopy::targetId).distinct().toList();
    if (!holding.isEmpty()) {
      ranking
          .ranked(holding.stream().flatMap(t -> targets.find(t).stream()).toList(), clock.instant())
          .forEach(r -> figures.put(r.target().id(), r.score().figures()));
    }
    Protection protection =
        Protection.assess(
            s,
            requirements,
            packCopies,
            t -> {
              ServiceFigures f = figures.getOrDefault(t, ServiceFigures.NONE);
              return requirements.restorableInTime(
                  s.sizeBytes(), f.latencyMicros().orElse(-1), f.readBytesPerSecond().orElse(-1));
            });
    return new SnapshotStatus(s, protection, packCopies);
  }

  // ---- media

  public Page<Medium> media(Caller caller, Optional<TargetId> target, PageRequest page) {
    caller.require(Permission.POOL_READ);
    return Page.of(media.list(target, page), page, m -> m.id().value());
  }

  public Medium medium(Caller caller, MediumId id) {
    caller.require(Permission.POOL_READ);
    return media.find(id).orElseThrow(() -> new UnknownIdentityException("medium", id));
  }
}
