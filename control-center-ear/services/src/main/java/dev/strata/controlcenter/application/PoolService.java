package dev.strata.controlcenter.application;

import dev.strata.pool.DataCenter;
import dev.strata.pool.DataCenterId;
import dev.strata.pool.DuplicateIdentityException;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.TargetState;
import dev.strata.pool.UnknownIdentityException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The media resource pool as the operator manages it: data centers and the storage targets in them.
 * Each public method is one transaction.
 */
@Stateless
@Interceptors(DomainRules.class)
public class PoolService {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Inject Clock clock;
  @Inject EndpointGuard endpoints;

  public List<DataCenter> dataCenters() {
    return em.createQuery("select d from DataCenter d order by d.id", DataCenter.class)
        .getResultList();
  }

  public DataCenter dataCenter(DataCenterId id) {
    DataCenter dc = em.find(DataCenter.class, id.value());
    if (dc == null) {
      throw new UnknownIdentityException("data center", id);
    }
    return dc;
  }

  public boolean isEmpty() {
    return em.createQuery("select count(d) from DataCenter d", Long.class).getSingleResult() == 0;
  }

  public DataCenter establishDataCenter(DataCenterDraft draft) {
    if (em.find(DataCenter.class, draft.id().value()) != null) {
      throw new DuplicateIdentityException("data center", draft.id());
    }
    DataCenter dc =
        DataCenter.establish(
            draft.id(), draft.name(), draft.location(), draft.link(), clock.instant());
    persistNew(dc, "data center", draft.id());
    return dc;
  }

  /** Describes a data center anew; {@code expectedVersion}, when given, must be current. */
  public DataCenter describeDataCenter(DataCenterDraft draft, OptionalLong expectedVersion) {
    DataCenter dc = dataCenter(draft.id());
    checkVersion("data center", draft.id(), expectedVersion, dc.version());
    dc.describe(draft.name(), draft.location(), draft.link(), clock.instant());
    em.flush();
    return dc;
  }

  public List<StorageTarget> targets(TargetQuery query) {
    StringBuilder jpql = new StringBuilder("select t from StorageTarget t where 1 = 1");
    List<Object[]> params = new ArrayList<>();
    if (query.dataCenter() != null) {
      jpql.append(" and t.dataCenterId = :dc");
      params.add(new Object[] {"dc", query.dataCenter().value()});
    }
    if (query.kind() != null) {
      jpql.append(" and t.kind = :kind");
      params.add(new Object[] {"kind", query.kind()});
    }
    if (query.state() != null) {
      jpql.append(" and t.state = :state");
      params.add(new Object[] {"state", query.state()});
    }
    jpql.append(" order by t.id");
    TypedQuery<StorageTarget> q = em.createQuery(jpql.toString(), StorageTarget.class);
    for (Object[] p : params) {
      q.setParameter((String) p[0], p[1]);
    }
    return q.getResultList();
  }

  /** The targets the scheduled probes measure: all but the retired. */
  public List<StorageTarget> probedTargets() {
    return em.createQuery(
            "select t from StorageTarget t where t.state <> :retired order by t.id",
            StorageTarget.class)
        .setParameter("retired", TargetState.RETIRED)
        .getResultList();
  }

  public StorageTarget target(TargetId id) {
    StorageTarget t = em.find(StorageTarget.class, id.value());
    if (t == null) {
      throw new UnknownIdentityException("storage target", id);
    }
    return t;
  }

  public StorageTarget registerTarget(TargetDraft draft) {
    DataCenter dc = dataCenter(draft.dataCenter());
    if (em.find(StorageTarget.class, draft.id().value()) != null) {
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
            draft.state() == null ? TargetState.POTENTIAL : draft.state(),
            clock.instant());
    endpoints.check(t.kind(), t.endpoint());
    persistNew(t, "storage target", draft.id());
    return t;
  }

  /** Reconfigures a target; {@code expectedVersion}, when given, must be current. */
  public StorageTarget reconfigureTarget(
      TargetId id, TargetChanges changes, OptionalLong expectedVersion) {
    StorageTarget t = target(id);
    checkVersion("storage target", id, expectedVersion, t.version());
    t.reconfigure(
        changes.name(),
        changes.endpoint(),
        changes.capacityBytes(),
        changes.state(),
        clock.instant());
    endpoints.check(t.kind(), t.endpoint());
    em.flush();
    return t;
  }

  private void persistNew(Object entity, String what, Object id) {
    try {
      em.persist(entity);
      em.flush();
    } catch (PersistenceException e) {
      // Lost a race with a concurrent registration of the same id.
      throw new DuplicateIdentityException(what, id);
    }
  }

  private static void checkVersion(String what, Object id, OptionalLong expected, long current) {
    if (expected.isPresent() && expected.getAsLong() != current) {
      throw new VersionConflictException(what, id, expected.getAsLong(), current);
    }
  }
}
