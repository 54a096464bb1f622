package dev.strata.controlcenter.application;

import dev.strata.controlcenter.application.CopyWork.Kind;
import dev.strata.controlcenter.application.GrantIssuer.Operation;
import dev.strata.pool.DataCenterId;
import dev.strata.pool.NodeName;
import dev.strata.pool.catalog.PackHash;
import dev.strata.pool.identity.Permission;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Makes the copies policies demand and reads copies back: the scheduled half of "the number of
 * copies is set by the chosen QoS". Each run asks {@link ReplicationLedger} what is missing, has
 * the storage nodes do it — node to node (each copy checked on arrival like any upload), node to
 * its own targets, staged for tape — and records what they did; copies are read back (hash and
 * signature) to become verified, which is what protection counts. Node calls run outside any
 * transaction, so a slow node never holds catalog locks.
 */
@Stateless
@Interceptors(DomainRules.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReplicationService {
  private static final Logger LOG = Logger.getLogger(ReplicationService.class.getName());
  private static final Duration GRANT = Duration.ofHours(1);

  @Inject ReplicationLedger ledger;
  @Inject NodeGateway gateway;
  @Inject GrantIssuer grants;

  /** One round; returns how many steps of each kind were asked of nodes. */
  public Map<Kind, Integer> replicate(Caller caller) {
    caller.require(Permission.POOL_MANAGE);
    List<CopyWork> work = ledger.plan();
    Map<Kind, Integer> done = new EnumMap<>(Kind.class);
    Map<Object, List<CopyWork>> batches =
        work.stream()
            .collect(
                Collectors.groupingBy(
                    w ->
                        List.of(
                            w.kind(),
                            w.tenant(),
                            w.node().name(),
                            w.destination() == null ? "" : w.destination().name(),
                            w.target() == null ? "" : w.target()),
                    LinkedHashMap::new,
                    Collectors.toList()));
    for (List<CopyWork> batch : batches.values()) {
      CopyWork first = batch.get(0);
      try {
        run(batch);
        done.merge(first.kind(), batch.size(), Integer::sum);
      } catch (RuntimeException e) {
        LOG.log(
            Level.INFO,
            "replication step {0} on node {1} failed: {2}",
            new Object[] {first.kind(), first.node().name(), e.getMessage()});
        if (first.kind() == Kind.NODE_COPY
            || first.kind() == Kind.TARGET_COPY
            || first.kind() == Kind.STAGE) {
          batch.forEach(w -> ledger.copied(w.copyId(), false, e.getMessage(), w.immutability()));
        }
      }
    }
    return done;
  }

  private void run(List<CopyWork> batch) {
    CopyWork first = batch.get(0);
    List<PackHash> packs = batch.stream().map(CopyWork::pack).toList();
    Map<PackHash, CopyWork> byPack =
        batch.stream().collect(Collectors.toMap(CopyWork::pack, w -> w, (a, b) -> a));
    switch (first.kind()) {
      case NODE_COPY -> {
        String destinationGrant =
            grant(
                first,
                first.destination(),
                Set.of(Operation.PACK_WRITE, Operation.PACK_LIST),
                batch.stream().map(CopyWork::signer).distinct().toList());
        gateway
            .copyToNode(
                first.node().url(),
                grant(
                    first,
                    first.node(),
                    Set.of(Operation.PACK_COPY, Operation.PACK_READ),
                    List.of()),
                first.tenant(),
                packs,
                first.destination().url(),
                destinationGrant)
            .forEach(
                o -> {
                  CopyWork w = byPack.get(o.pack());
                  ledger.copied(w.copyId(), o.ok(), o.detail(), w.immutability());
                });
      }
      case TARGET_COPY ->
          gateway
              .copyToTarget(
                  first.node().url(),
                  grant(
                      first,
                      first.node(),
                      Set.of(Operation.PACK_COPY, Operation.PACK_READ),
                      List.of()),
                  first.tenant(),
                  packs,
                  first.target())
              .forEach(
                  o -> {
                    CopyWork w = byPack.get(o.pack());
                    ledger.copied(w.copyId(), o.ok(), o.detail(), w.immutability());
                  });
      case STAGE ->
          // Staged is not yet on tape: the copy stays WRITING until a poll finds it written.
          gateway.stageForTape(
              first.node().url(),
              grant(first, first.node(), Set.of(Operation.TAPE_WRITE), List.of()),
              first.tenant(),
              first.target(),
              packs);
      case POLL_TAPE -> {
        String g = grant(first, first.node(), Set.of(Operation.TAPE_WRITE), List.of());
        for (CopyWork w : batch) {
          ledger.onTape(
              w.copyId(),
              gateway.tapeState(first.node().url(), g, w.tenant(), w.target(), w.pack()),
              w.immutability());
        }
      }
      case VERIFY -> {
        String g = grant(first, first.node(), Set.of(Operation.VERIFY), List.of());
        for (CopyWork w : batch) {
          ledger.verified(
              w.copyId(), gateway.verify(first.node().url(), g, w.tenant(), w.pack(), w.target()));
        }
      }
    }
  }

  private String grant(
      CopyWork w, CopyWork.NodeRef node, Set<Operation> operations, List<String> signers) {
    return grants.issue(
        w.tenant(),
        "replication",
        DataCenterId.of(node.dataCenter()),
        NodeName.of(node.name()),
        operations,
        signers,
        GRANT);
  }
}
