package dev.strata.controlcenter.application;

import dev.strata.pool.DataCenter;
import dev.strata.pool.DataCenterId;
import dev.strata.pool.DuplicateIdentityException;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.TargetState;
import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.identity.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

/**
 * The media resource pool as the operator manages it: data centers and the storage targets in them.
 * Each public method is one transaction.
 */
@Stateless
@Interceptors(DomainRules.class)
public class PoolService {

  @Inject DataCenterRepository dataCenters;
  @Inject TargetRepository targets;
  @Inject Clock clock;
  @Inject EndpointGuard endpoints;

  public Page<DataCenter> dataCenters(Caller caller, PageRequest page) {
    caller.require(Permission.POOL_READ);
    return Page.of(dataCenters.list(page), page, dc -> dc.id().value());
  }

  public DataCenter dataCenter(Caller caller, DataCenterId id) {
    caller.require(Permission.POOL_READ);
    return dataCenter(id);
  }

  DataCenter dataCenter(DataCenterId id) {
    return dataCenters.find(id).orElseThrow(() -> new UnknownIdentityException("data center", id));
  }

  public boolean isEmpty() {
    return dataCenters.isEmpty();
  }

  public DataCenter establishDataCenter(Caller caller, DataCenterDraft draft) {
    caller.require(Permission.POOL_MANAGE);
    if (dataCenters.find(draft.id()).isPresent()) {
      throw new DuplicateIdentityException("data center", draft.id());
    }
    DataCenter dc =
        DataCenter.establish(
            draft.id(), draft.name(), draft.location(), draft.link(), clock.instant());
    dataCenters.add(dc);
    return dc;
  }

  /**
   * Establishes a data center with its targets in one transaction: either all of them exist
   * afterwards or none does (a start interrupted half-way provisions anew next time).
   */
  public DataCenter provision(Caller caller, DataCenterDraft dc, List<TargetDraft> targets) {
    DataCenter established = establishDataCenter(caller, dc);
    targets.forEach(t -> registerTarget(caller, t));
    return established;
  }

  /** Describes a data center anew; {@code expectedVersion}, when given, must be current. */
  public DataCenter describeDataCenter(
      Caller caller, DataCenterDraft draft, OptionalLong expectedVersion) {
    caller.require(Permission.POOL_MANAGE);
    DataCenter dc = dataCenter(draft.id());
    checkVersion("data center", draft.id(), expectedVersion, dc.version());
    dc.describe(draft.name(), draft.location(), draft.link(), clock.instant());
    dataCenters.flush();
    return dc;
  }

  public Page<StorageTarget> targets(Caller caller, TargetQuery query, PageRequest page) {
    caller.require(Permission.POOL_READ);
    if (query.dataCenter() != null) {
      dataCenter(query.dataCenter());
    }
    return Page.of(targets.list(query, page), page, t -> t.id().value());
  }

  /** The targets the scheduled probes measure: all but the retired. */
  public List<StorageTarget> probedTargets(Caller caller) {
    caller.require(Permission.POOL_READ);
    return targets.probed();
  }

  public StorageTarget target(Caller caller, TargetId id) {
    caller.require(Permission.POOL_READ);
    return target(id);
  }

  StorageTarget target(TargetId id) {
    return targets.find(id).orElseThrow(() -> new UnknownIdentityException("storage target", id));
  }

  public StorageTarget registerTarget(Caller caller, TargetDraft draft) {
    caller.require(Permission.POOL_MANAGE);
    DataCenter dc = dataCenter(draft.dataCenter());
    if (targets.find(draft.id()).isPresent()) {
      throw new DuplicateIdentityException("storage target", draft.id());
    }
    StorageTarget t =
        StorageTarget.register(
            draft.id(),
            dc,
            draft.kind(),
            draft.name(),
            draft.endpoint(),
            draft.capacityBytes(),
            draft.cost(),
            draft.state() == null ? TargetState.POTENTIAL : draft.state(),
            clock.instant());
    endpoints.check(t.kind(), t.endpoint());
    targets.add(t);
    return t;
  }

  /** Reconfigures a target; {@code expectedVersion}, when given, must be current. */
  public StorageTarget reconfigureTarget(
      Caller caller, TargetId id, TargetChanges changes, OptionalLong expectedVersion) {
    caller.require(Permission.POOL_MANAGE);
    StorageTarget t = target(id);
    checkVersion("storage target", id, expectedVersion, t.version());
    t.reconfigure(
        changes.name(),
        changes.endpoint(),
        changes.capacityBytes(),
        changes.cost(),
        clock.instant());
    if (t.node().isEmpty()) {
      // A node's target lives on the node's host, within the node's own limits.
      endpoints.check(t.kind(), t.endpoint());
    }
    targets.flush();
    return t;
  }

  /** The operator's life-cycle decisions: give a target copies, drain it, retire it for good. */
  public enum Transition {
    ACTIVATE,
    DRAIN,
    RETIRE
  }

  public StorageTarget transition(Caller caller, TargetId id, Transition transition) {
    caller.require(Permission.POOL_MANAGE);
    StorageTarget t = target(id);
    switch (transition) {
      case ACTIVATE -> t.activate(clock.instant());
      case DRAIN -> t.drain(clock.instant());
      case RETIRE -> t.retire(clock.instant());
    }
    targets.flush();
    return t;
  }

  private static void checkVersion(String what, Object id, OptionalLong expected, long current) {
    if (expected.isPresent() && expected.getAsLong() != current) {
      throw new VersionConflictException(what, id, expected.getAsLong(), current);
    }
  }
}
