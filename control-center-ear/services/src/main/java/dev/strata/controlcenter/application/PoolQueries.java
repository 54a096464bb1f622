package dev.strata.controlcenter.application;

import dev.strata.pool.DataCenter;
import dev.strata.pool.DataCenterId;
import dev.strata.pool.ProbeResult;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Read models of the pool for the API and the console: each one transaction that joins the targets
 * with their newest probe in one query, however many targets there are.
 */
@Stateless
@Interceptors(DomainRules.class)
public class PoolQueries {

  @Inject PoolService pool;
  @Inject ProbeLedger ledger;

  public List<DataCenterOverview> overview() {
    List<DataCenter> dcs = pool.dataCenters();
    Map<String, List<TargetStatus>> byDc =
        statuses(pool.targets(TargetQuery.ALL)).stream()
            .collect(Collectors.groupingBy(s -> s.target().dataCenterId().value()));
    return dcs.stream()
        .map(dc -> new DataCenterOverview(dc, byDc.getOrDefault(dc.id().value(), List.of())))
        .toList();
  }

  public DataCenterOverview overview(DataCenterId id) {
    DataCenter dc = pool.dataCenter(id);
    return new DataCenterOverview(dc, statuses(pool.targets(new TargetQuery(id, null, null))));
  }

  public List<TargetStatus> targets(TargetQuery query) {
    if (query.dataCenter() != null) {
      pool.dataCenter(query.dataCenter());
    }
    return statuses(pool.targets(query));
  }

  public TargetStatus target(TargetId id) {
    return statuses(List.of(pool.target(id))).get(0);
  }

  private List<TargetStatus> statuses(List<StorageTarget> targets) {
    Map<TargetId, ProbeResult> latest =
        ledger.latest(targets.stream().map(StorageTarget::id).toList());
    return targets.stream()
        .map(t -> new TargetStatus(t, Optional.ofNullable(latest.get(t.id()))))
        .toList();
  }
}
