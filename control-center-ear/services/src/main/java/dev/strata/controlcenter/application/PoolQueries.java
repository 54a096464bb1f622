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
  @Inject TargetRepository targets;
  @Inject ProbeRepository probes;

  public Page<DataCenterOverview> overview(Caller caller, PageRequest page) {
    Page<DataCenter> dcs = pool.dataCenters(caller, page);
    Map<String, List<TargetStatus>> byDc =
        statuses(targets.inDataCenters(dcs.items().stream().map(DataCenter::id).toList())).stream()
            .collect(Collectors.groupingBy(s -> s.target().dataCenterId().value()));
    return dcs.map(dc -> new DataCenterOverview(dc, byDc.getOrDefault(dc.id().value(), List.of())));
  }

  public DataCenterOverview overview(Caller caller, DataCenterId id) {
    DataCenter dc = pool.dataCenter(caller, id);
    return new DataCenterOverview(dc, statuses(targets.inDataCenters(List.of(id))));
  }

  public Page<TargetStatus> targets(Caller caller, TargetQuery query, PageRequest page) {
    Page<StorageTarget> p = pool.targets(caller, query, page);
    return new Page<>(statuses(p.items()), p.next());
  }

  public TargetStatus target(Caller caller, TargetId id) {
    return statuses(List.of(pool.target(caller, id))).get(0);
  }

  private List<TargetStatus> statuses(List<StorageTarget> targets) {
    Map<TargetId, ProbeResult> latest =
        probes.latest(targets.stream().map(StorageTarget::id).toList());
    return targets.stream()
        .map(t -> new TargetStatus(t, Optional.ofNullable(latest.get(t.id()))))
        .toList();
  }
}
