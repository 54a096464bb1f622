package dev.strata.controlcenter.application;

import dev.strata.controlcenter.application.GrantIssuer.Operation;
import dev.strata.pool.DataCenter;
import dev.strata.pool.DataCenterId;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.MediaClass;
import dev.strata.pool.NetworkLink;
import dev.strata.pool.StorageNode;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.TenantId;
import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.catalog.CopyLocation;
import dev.strata.pool.catalog.CopyState;
import dev.strata.pool.catalog.Pack;
import dev.strata.pool.catalog.PackCopy;
import dev.strata.pool.catalog.PackHash;
import dev.strata.pool.catalog.Snapshot;
import dev.strata.pool.catalog.SnapshotId;
import dev.strata.pool.identity.Permission;
import dev.strata.pool.identity.Principal;
import dev.strata.pool.identity.PrincipalKind;
import dev.strata.pool.identity.PrincipalName;
import dev.strata.pool.rank.ServiceFigures;
import dev.strata.pool.restore.CopyChoice;
import dev.strata.pool.restore.Restore;
import dev.strata.pool.restore.RestoreEstimate;
import dev.strata.pool.restore.RestoreEstimator;
import dev.strata.pool.restore.RestoreEvent;
import dev.strata.pool.restore.RestoreId;
import dev.strata.pool.restore.RestoreState;
import dev.strata.pool.restore.SourceCopy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Restores through the control center: one call names a snapshot and the agent that restores it,
 * and answers with the estimate before anything starts. The center chooses the best copy of every
 * pack ({@link CopyChoice}), has packs that only tape holds recalled to a node's disk first ({@link
 * RestorePreparation}), and hands the agent read grants; when a copy fails under the agent, the
 * next one is chosen and the restore goes on. Every step is an event of the restore.
 */
@Stateless
@Interceptors(DomainRules.class)
public class RestoreService {
  static final Duration READ_GRANT = Duration.ofHours(1);

  @Inject SnapshotRepository snapshots;
  @Inject PackRepository packs;
  @Inject PackCopyRepository copies;
  @Inject DataCenterRepository dataCenters;
  @Inject PrincipalRepository principals;
  @Inject RestoreRepository restores;
  @Inject LiveNodeQuery liveQuery;
  @Inject RankingCalculator ranking;
  @Inject GrantIssuer grants;
  @Inject NodeGateway gateway;
  @Inject Secrets secrets;
  @Inject Clock clock;

  /** What a restore asks for: the snapshot, the agent that restores it, where, and what. */
  public record RestoreDraft(
      SnapshotId snapshot, Optional<PrincipalName> agent, String directory, List<String> paths) {}

  /**
   * How a snapshot would be restored now: the copies in the order they would be tried, the first
   * choices' estimate, and whether tape recalls come first.
   */
  public record RestorePlan(
      Snapshot snapshot,
      Map<PackHash, List<SourceCopy>> order,
      RestoreEstimate estimate,
      boolean needsStaging) {}

  /** A copy that failed under the agent: the pack, the target it was read from, and why. */
  public record ReadFailure(PackHash pack, TargetId target, boolean corrupt, String reason) {}

  /** What the agent says: running with counts so far, or finished. */
  public enum ReportStatus {
    RUNNING,
    DONE,
    FAILED
  }

  /** The estimate of restoring {@code snapshot} now, without starting anything. */
  public RestorePlan estimate(Caller caller, SnapshotId snapshot) {
    caller.require(Permission.CATALOG_READ);
    return plan(visibleSnapshot(caller, snapshot), Set.of(), clock.instant());
  }

  /** Requests a restore: recorded with its estimate, ready at once unless tape must be recalled. */
  public Restore request(Caller caller, RestoreDraft draft) {
    caller.require(Permission.BACKUPS_MANAGE);
    Snapshot s = visibleSnapshot(caller, draft.snapshot());
    PrincipalName agent =
        draft
            .agent()
            .or(
                () ->
                    caller.role().kind() == PrincipalKind.AGENT
                        ? Optional.of(caller.name())
                        : Optional.empty())
            .orElseThrow(() -> new InvalidValueException("agent", "name the agent that restores"));
    Principal p =
        principals
            .find(agent)
            .filter(Principal::active)
            .filter(x -> x.kind() == PrincipalKind.AGENT)
            .filter(x -> x.tenant().equals(Optional.of(s.tenantId())))
            .orElseThrow(
                () ->
                    new InvalidValueException(
                        "agent", "no active agent " + agent + " of tenant " + s.tenantId()));
    Instant now = clock.instant();
    RestorePlan plan = plan(s, Set.of(), now);
    List<RestoreEvent> events = new ArrayList<>();
    Restore r =
        Restore.request(
            RestoreId.of(String.format("%012x", now.toEpochMilli()) + secrets.newHex(10)),
            s.tenantId(),
            s.id(),
            s.backupSetId(),
            p.name(),
            caller.name(),
            draft.directory(),
            draft.paths(),
            plan.estimate(),
            plan.needsStaging(),
            now,
            events);
    restores.add(r, events);
    return r;
  }

  public Restore get(Caller caller, RestoreId id) {
    caller.require(Permission.CATALOG_READ);
    return visible(caller, id);
  }

  public Page<Restore> list(
      Caller caller,
      Optional<RestoreState> state,
      Optional<PrincipalName> agent,
      PageRequest page) {
    caller.require(Permission.CATALOG_READ);
    return Page.of(restores.list(caller.tenant(), agent, state, page), page, r -> r.id().hex());
  }

  public List<RestoreEvent> events(Caller caller, RestoreId id, long after, int limit) {
    caller.require(Permission.CATALOG_READ);
    visible(caller, id);
    return restores.events(id, after, limit);
  }

  /**
   * Where the restore's agent reads {@code wanted} from now, with grants: the first copy of each
   * that has not failed. {@code failures} are copies that failed under the agent since it last
   * asked; each is an event, and a corrupt one is marked suspect (a read-back decides). A pack only
   * tape still holds is recalled first. Packs without any copy left are not in the answer.
   */
  public List<ReadSource> sources(
      Caller caller, RestoreId id, List<PackHash> wanted, List<ReadFailure> failures) {
    caller.require(Permission.BACKUPS_MANAGE);
    Restore r = ownRestore(caller, id);
    Instant now = clock.instant();
    Snapshot s = snapshots.find(r.snapshot()).orElseThrow();
    Set<PackHash> inSnapshot = new HashSet<>(s.packs());
    for (PackHash p : wanted) {
      if (!inSnapshot.contains(p)) {
        throw new InvalidValueException("packs", "pack " + p.hex() + " is not in the snapshot");
      }
    }
    if (r.state() == RestoreState.READY) {
      restores.addEvent(r.start(now));
    }
    if (r.state() != RestoreState.RUNNING) {
      throw new dev.strata.pool.TransitionRefusedException(
          "restore", id, r.state(), "read packs", null);
    }
    Set<String> failed = new HashSet<>();
    for (ReadFailure f : failures) {
      failed.add(f.pack().hex() + "@" + f.target().value());
      if (f.corrupt()) {
        copies.ofPacks(s.tenantId(), List.of(f.pack())).stream()
            .filter(c -> c.targetId().equals(f.target()) && c.state().holdsData())
            .forEach(c -> c.markSuspect("a restore read it corrupt: " + f.reason(), now));
      }
    }
    RestorePlan plan = plan(s, failed, now);
    LiveNodes live = liveQuery.at(now);
    List<ReadSource> out = new ArrayList<>();
    Map<StorageNode, List<PackHash>> fromTape = new LinkedHashMap<>();
    Map<PackHash, SourceCopy> tapeChoice = new HashMap<>();
    for (PackHash p : wanted) {
      List<SourceCopy> order = plan.order().getOrDefault(p, List.of());
      if (order.isEmpty()) {
        continue;
      }
      SourceCopy first = order.get(0);
      StorageNode node = live.nodeOf(first.target()).orElseThrow();
      if (first.isTape()) {
        fromTape.computeIfAbsent(node, k -> new ArrayList<>()).add(p);
        tapeChoice.put(p, first);
      } else {
        out.add(new ReadSource(p, first.target().value(), node.url(), readGrant(s, node)));
      }
    }
    for (ReadFailure f : failures) {
      Optional<SourceCopy> next =
          Optional.ofNullable(plan.order().get(f.pack()))
              .filter(l -> !l.isEmpty())
              .map(l -> l.get(0));
      restores.addEvent(
          r.failedOver(
              "pack "
                  + f.pack().hex().substring(0, 12)
                  + ": the copy on "
                  + f.target()
                  + " failed ("
                  + (f.corrupt() ? "corrupt" : "unreadable")
                  + (f.reason() == null || f.reason().isBlank() ? "" : ": " + f.reason())
                  + "); "
                  + next.map(c -> "reading it from " + c.target()).orElse("no other copy is left"),
              now));
    }
    for (var e : fromTape.entrySet()) {
      StorageNode node = e.getKey();
      String grant = readGrant(s, node);
      Set<PackHash> recalled = new HashSet<>();
      try {
        Set<PackHash> onDisk =
            gateway.present(node.url(), grant, s.tenantId(), e.getValue()).keySet();
        recalled.addAll(onDisk);
        List<PackHash> toRecall = e.getValue().stream().filter(p -> !onDisk.contains(p)).toList();
        if (!toRecall.isEmpty()) {
          recalled.addAll(
              gateway.recall(node.url(), recallGrant(s, node), s.tenantId(), toRecall).recalled());
        }
      } catch (NodeGateway.NodeUnavailableException unreachable) {
        // Its packs get no source now; the agent asks again, by then the node is late and the
        // plan reads other copies.
        restores.addEvent(
            r.failedOver(
                "node "
                    + node.name()
                    + " could not recall "
                    + e.getValue().size()
                    + " pack(s) from tape now: "
                    + unreachable.getMessage(),
                now));
      }
      for (PackHash p : e.getValue()) {
        if (recalled.contains(p)) {
          out.add(new ReadSource(p, tapeChoice.get(p).target().value(), node.url(), grant));
        }
      }
    }
    return out;
  }

  /** The agent's report: progress while it runs, then the outcome. */
  public Restore report(
      Caller caller, RestoreId id, ReportStatus status, long bytes, long files, String message) {
    caller.require(Permission.BACKUPS_MANAGE);
    Restore r = ownRestore(caller, id);
    Instant now = clock.instant();
    if (r.state() == RestoreState.READY) {
      restores.addEvent(r.start(now));
    }
    restores.addEvent(
        switch (status) {
          case RUNNING -> r.progress(bytes, files, now);
          case DONE -> r.finish(true, bytes, files, message, now);
          case FAILED -> r.finish(false, bytes, files, message, now);
        });
    return r;
  }

  public Restore cancel(Caller caller, RestoreId id) {
    caller.require(Permission.BACKUPS_MANAGE);
    visible(caller, id);
    Restore r = restores.lock(id).orElseThrow();
    restores.addEvent(r.cancel(caller.name().value(), clock.instant()));
    return r;
  }

  // ---- preparation (RestorePreparation runs the node calls between these)

  /** Packs of a preparing restore that a node must recall from tape. */
  public record RecallWork(
      RestoreId restore, TenantId tenant, StorageNode node, List<PackHash> packs, String grant) {}

  /** The recalls preparing restores need now; a restore needing none becomes ready. */
  public List<RecallWork> recallsDue(int limit) {
    Instant now = clock.instant();
    List<RecallWork> work = new ArrayList<>();
    for (Restore r : restores.inState(RestoreState.PREPARING, limit)) {
      Snapshot s = snapshots.find(r.snapshot()).orElseThrow();
      RestorePlan plan = plan(s, Set.of(), now);
      if (plan.estimate().missingPacks() > 0) {
        restores.addEvent(
            r.failPreparation(
                plan.estimate().missingPacks()
                    + " packs have no copy that can be read now (their nodes are silent or their"
                    + " copies lost)",
                now));
        continue;
      }
      LiveNodes live = liveQuery.at(now);
      Map<StorageNode, List<PackHash>> byNode = new LinkedHashMap<>();
      for (SourceCopy c : CopyChoice.firstChoices(plan.order())) {
        if (c.isTape()) {
          byNode
              .computeIfAbsent(live.nodeOf(c.target()).orElseThrow(), k -> new ArrayList<>())
              .add(c.pack());
        }
      }
      if (byNode.isEmpty()) {
        restores.addEvent(r.ready(now));
        continue;
      }
      byNode.forEach(
          (node, list) ->
              work.add(new RecallWork(r.id(), s.tenantId(), node, list, recallGrant(s, node))));
    }
    return work;
  }

  /** What one node's recall for a preparing restore gave, or why it could not be done. */
  public record NodeRecall(RecallWork work, Optional<NodeGateway.Recall> result, String failure) {}

  /**
   * Records a preparing restore's recalls: ready when every node recalled everything; packs a
   * cartridge did not give make their tape copies suspect and the restore is planned again on the
   * next run (from other copies); a node that could not recall is tried again on the next run.
   */
  public void prepared(RestoreId id, List<NodeRecall> recalls) {
    Instant now = clock.instant();
    Optional<Restore> found = restores.lock(id);
    if (found.isEmpty() || found.get().state() != RestoreState.PREPARING) {
      return;
    }
    Restore r = found.get();
    Snapshot s = snapshots.find(r.snapshot()).orElseThrow();
    LiveNodes live = liveQuery.at(now);
    boolean complete = true;
    for (NodeRecall n : recalls) {
      String node = n.work().node().name().value();
      if (n.result().isEmpty()) {
        complete = false;
        String message = "node " + node + " could not recall yet: " + n.failure();
        if (!restores.lastEventMessage(id).equals(Optional.of(RestoreEvent.printable(message)))) {
          restores.addEvent(r.staging(message, now));
        }
        continue;
      }
      NodeGateway.Recall result = n.result().get();
      if (result.mounts() > 0 || !result.missing().isEmpty()) {
        restores.addEvent(
            r.staging(
                "node "
                    + node
                    + ": "
                    + result.recalled().size()
                    + " packs recalled from tape with "
                    + result.mounts()
                    + " mounts"
                    + (result.missing().isEmpty()
                        ? ""
                        : "; " + result.missing().size() + " not found on their cartridges"),
                now));
      }
      if (!result.missing().isEmpty()) {
        complete = false;
        // Those copies are not where the catalog says: suspect, so the next plan reads others.
        copies.ofPacks(s.tenantId(), result.missing()).stream()
            .filter(
                c ->
                    c.state().holdsData()
                        && c.mediaClass() == MediaClass.TAPE
                        && live.nodeOf(c.targetId())
                            .map(StorageNode::name)
                            .equals(Optional.of(n.work().node().name())))
            .forEach(c -> c.markSuspect("a recall did not find it on its cartridge", now));
      }
    }
    if (complete) {
      restores.addEvent(r.ready(now));
    }
  }

  // ---- planning

  /**
   * The copies of every pack of {@code s} that live nodes hold, in the order to try them, without
   * the copies in {@code failed} ("pack@target"). A suspect copy is tried only when a pack has no
   * other copy. Packs already recalled to a node's disk still plan from tape (the node answers from
   * its disk).
   */
  private RestorePlan plan(Snapshot s, Set<String> failed, Instant now) {
    LiveNodes live = liveQuery.at(now);
    Map<PackHash, Pack> sizes = packs.find(s.tenantId(), s.packs());
    List<PackCopy> held =
        copies.ofPacks(s.tenantId(), s.packs()).stream()
            .filter(c -> c.state().holdsData() && live.targets().containsKey(c.targetId()))
            .filter(c -> !failed.contains(c.pack().hex() + "@" + c.targetId().value()))
            .toList();
    Set<PackHash> withSoundCopy = new HashSet<>();
    held.stream()
        .filter(c -> c.state() != CopyState.SUSPECT)
        .forEach(c -> withSoundCopy.add(c.pack()));
    List<StorageTarget> holding =
        held.stream().map(PackCopy::targetId).distinct().map(live.targets()::get).toList();
    Map<TargetId, RankedTarget> ranked = new HashMap<>();
    ranking.ranked(holding, now).forEach(rt -> ranked.put(rt.target().id(), rt));
    Map<DataCenterId, NetworkLink> links = new HashMap<>();
    List<SourceCopy> options = new ArrayList<>();
    for (PackCopy c : held) {
      if (c.state() == CopyState.SUSPECT && withSoundCopy.contains(c.pack())) {
        continue;
      }
      Pack pack = sizes.get(c.pack());
      RankedTarget rt = ranked.get(c.targetId());
      ServiceFigures f = rt == null ? ServiceFigures.NONE : rt.score().figures();
      Optional<CopyLocation.OnTape> onTape =
          c.location()
              .filter(CopyLocation.OnTape.class::isInstance)
              .map(CopyLocation.OnTape.class::cast);
      if (c.mediaClass() == MediaClass.TAPE && onTape.isEmpty()) {
        continue;
      }
      options.add(
          new SourceCopy(
              c.id().orElseThrow().value(),
              c.pack(),
              pack == null ? 0 : pack.sizeBytes(),
              c.targetId(),
              c.dataCenterId(),
              links.computeIfAbsent(
                  c.dataCenterId(),
                  d -> dataCenters.find(d).map(DataCenter::link).orElse(NetworkLink.WAN)),
              c.mediaClass(),
              c.state() == CopyState.VERIFIED,
              rt == null ? Integer.MAX_VALUE : rt.rank(),
              onTape,
              f.readBytesPerSecond(),
              f.latencyMicros()));
    }
    Map<PackHash, List<SourceCopy>> order = CopyChoice.order(s.packs(), options);
    List<SourceCopy> chosen = CopyChoice.firstChoices(order);
    int missing = (int) order.values().stream().filter(List::isEmpty).count();
    OptionalLong landing = OptionalLong.empty();
    for (SourceCopy c : chosen) {
      if (c.isTape()) {
        landing =
            live.nodeOf(c.target())
                .flatMap(StorageNode::landing)
                .map(live.targets()::get)
                .map(t -> ranking.ranked(List.of(t), now).get(0).score().figures())
                .map(ServiceFigures::readBytesPerSecond)
                .orElse(OptionalLong.empty());
        break;
      }
    }
    RestoreEstimate estimate = RestoreEstimator.estimate(chosen, missing, landing);
    return new RestorePlan(s, order, estimate, chosen.stream().anyMatch(SourceCopy::isTape));
  }

  private String readGrant(Snapshot s, StorageNode node) {
    return grants.issue(
        s.tenantId(),
        "restore",
        node.dataCenterId(),
        node.name(),
        Set.of(Operation.PACK_READ, Operation.PACK_LIST),
        List.of(),
        READ_GRANT);
  }

  private String recallGrant(Snapshot s, StorageNode node) {
    return grants.issue(
        s.tenantId(),
        "restore",
        node.dataCenterId(),
        node.name(),
        Set.of(Operation.TAPE_RECALL, Operation.PACK_LIST),
        List.of(),
        READ_GRANT);
  }

  private Snapshot visibleSnapshot(Caller caller, SnapshotId id) {
    Snapshot s = snapshots.find(id).orElseThrow(() -> new UnknownIdentityException("snapshot", id));
    caller.mustSee(Optional.of(s.tenantId()), "snapshot", id);
    return s;
  }

  private Restore visible(Caller caller, RestoreId id) {
    Restore r = restores.find(id).orElseThrow(() -> new UnknownIdentityException("restore", id));
    caller.mustSee(Optional.of(r.tenant()), "restore", id);
    return r;
  }

  /** The restore, locked, when the caller is the agent that runs it (others may not report). */
  private Restore ownRestore(Caller caller, RestoreId id) {
    visible(caller, id);
    Restore r = restores.lock(id).orElseThrow();
    if (!r.agent().equals(caller.name())) {
      throw new dev.strata.pool.AccessDeniedException(
          "restore " + id + " is run by agent " + r.agent() + ", not by " + caller.name());
    }
    return r;
  }
}
