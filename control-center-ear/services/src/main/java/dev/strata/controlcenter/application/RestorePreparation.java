package dev.strata.controlcenter.application;

import dev.strata.pool.identity.Permission;
import dev.strata.pool.restore.RestoreId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prepares restores that need tape: the nodes recall the packs only tape holds into their disks,
 * one mount per cartridge, outside any transaction (a recall takes minutes); each restore's results
 * are then recorded at once ({@link RestoreService#prepared}). Run on schedule.
 */
@Stateless
@Interceptors(DomainRules.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RestorePreparation {
  static final int RESTORES_PER_RUN = 20;

  @Inject RestoreService restores;
  @Inject NodeGateway gateway;

  /** One round; returns how many restores had recalls. */
  public int prepare(Caller caller) {
    caller.require(Permission.POOL_MANAGE);
    Map<RestoreId, List<RestoreService.NodeRecall>> byRestore = new LinkedHashMap<>();
    for (RestoreService.RecallWork w : restores.recallsDue(RESTORES_PER_RUN)) {
      RestoreService.NodeRecall outcome;
      try {
        outcome =
            new RestoreService.NodeRecall(
                w,
                Optional.of(gateway.recall(w.node().url(), w.grant(), w.tenant(), w.packs())),
                null);
      } catch (NodeGateway.NodeUnavailableException e) {
        outcome = new RestoreService.NodeRecall(w, Optional.empty(), e.getMessage());
      }
      byRestore.computeIfAbsent(w.restore(), k -> new ArrayList<>()).add(outcome);
    }
    byRestore.forEach(restores::prepared);
    return byRestore.size();
  }
}
