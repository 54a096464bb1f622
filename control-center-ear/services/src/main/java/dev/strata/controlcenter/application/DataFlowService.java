package dev.strata.controlcenter.application;

import dev.strata.controlcenter.application.GrantIssuer.Operation;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.MediaClass;
import dev.strata.pool.NodeName;
import dev.strata.pool.StorageNode;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.TenantId;
import dev.strata.pool.UnavailableException;
import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.catalog.BackupSession;
import dev.strata.pool.catalog.BackupSet;
import dev.strata.pool.catalog.BackupSetId;
import dev.strata.pool.catalog.CopyLocation;
import dev.strata.pool.catalog.CopyState;
import dev.strata.pool.catalog.ObjectKey;
import dev.strata.pool.catalog.Pack;
import dev.strata.pool.catalog.PackCopy;
import dev.strata.pool.catalog.PackHash;
import dev.strata.pool.catalog.SigningKey;
import dev.strata.pool.catalog.Snapshot;
import dev.strata.pool.identity.Permission;
import dev.strata.pool.rank.ServiceState;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Backups and restores through the control center. A session names the storage node whose landing
 * disk receives the packs (the best-ranked active disk of a node that is heard from) and gives the
 * agent a grant for it; the agent uploads its packs there directly, reports them (the center checks
 * with the node that each is there before recording it as the first copy), and commits the snapshot
 * with every pack it needs. Reads get a grant per node for the best copy of each pack. The center
 * never holds plaintext or keys: it checks presence and records where things are. Each public
 * method is one transaction.
 */
@Stateless
@Interceptors(DomainRules.class)
public class DataFlowService {
  /** How long a read grant lives. */
  static final Duration READ_GRANT = Duration.ofHours(4);

  @Inject BackupSetRepository sets;
  @Inject BackupSessionRepository sessions;
  @Inject NodeRepository nodes;
  @Inject TargetRepository targets;
  @Inject PackRepository packs;
  @Inject PackCopyRepository copies;
  @Inject SnapshotRepository snapshots;
  @Inject PolicyRepository policies;
  @Inject RankingCalculator ranking;
  @Inject LiveNodeQuery liveQuery;
  @Inject GrantIssuer grants;
  @Inject NodeGateway gateway;
  @Inject Secrets secrets;
  @Inject PoolSettings settings;
  @Inject Clock clock;

  /** Opens a session of a backup set for packs signed by {@code signingKey}. */
  public SessionGrant openSession(Caller caller, BackupSetId setId, SigningKey signingKey) {
    caller.require(Permission.BACKUPS_MANAGE);
    BackupSet set = visibleSet(caller, setId);
    Instant now = clock.instant();
    StorageTarget landing = landing(now);
    StorageNode node = nodes.find(landing.node().orElseThrow()).orElseThrow();
    BackupSession session =
        BackupSession.open(secrets.newHex(16), set, signingKey, node.name(), landing.id(), now);
    sessions.add(session);
    String grant =
        grants.issue(
            set.tenantId(),
            session.id(),
            node.dataCenterId(),
            node.name(),
            Set.of(Operation.PACK_WRITE, Operation.PACK_LIST, Operation.PACK_READ),
            List.of(signingKey.hex()),
            BackupSession.LIFETIME);
    return new SessionGrant(session, node, grant);
  }

  /**
   * Where uploads land: the landing disk (a node's first disk) of a node that is heard from, the
   * best-ranked of those that are active and serving.
   */
  private StorageTarget landing(Instant now) {
    LiveNodes live = liveQuery.at(now);
    List<StorageTarget> candidates = new ArrayList<>();
    for (StorageNode n : live.nodes().values()) {
      n.landing()
          .map(live.targets()::get)
          .filter(t -> t.state().acceptsNewCopies())
          .ifPresent(candidates::add);
    }
    return ranking.ranked(candidates, now).stream()
        .filter(
            r ->
                r.score().state() == ServiceState.HEALTHY
                    || r.score().state() == ServiceState.DEGRADED)
        .map(RankedTarget::target)
        .findFirst()
        .orElseThrow(
            () ->
                new UnavailableException(
                    "no storage node can take uploads now: none is heard from with an active,"
                        + " serving disk target"));
  }

  /** Where a pack sent through the center goes: the session's node, with a grant for it. */
  public record Forward(java.net.URI node, String grant, TenantId tenant) {}

  /**
   * For a pack an agent sends through the center (the route for an agent that cannot reach the
   * node): the session's node and a grant to write it there. The caller streams the pack outside
   * any transaction, then reports it ({@link #reportPacks}).
   */
  public Forward forward(Caller caller, String sessionId) {
    caller.require(Permission.BACKUPS_MANAGE);
    BackupSession session = visibleSession(caller, sessionId);
    session.requireOpen(clock.instant());
    StorageNode node =
        nodes
            .find(session.node())
            .orElseThrow(() -> new UnavailableException("the session's node is gone"));
    String grant =
        grants.issue(
            session.tenant(),
            session.id(),
            node.dataCenterId(),
            node.name(),
            Set.of(Operation.PACK_WRITE),
            List.of(session.signingKey().hex()),
            java.time.Duration.ofHours(1));
    return new Forward(node.url(), grant, session.tenant());
  }

  /**
   * Records the packs an agent reports having uploaded in a session, once their node confirms it
   * holds each with the reported length; returns how many were new. A pack the node does not hold
   * is refused, naming it.
   */
  public int reportPacks(Caller caller, String sessionId, List<PackReport> reports) {
    caller.require(Permission.BACKUPS_MANAGE);
    BackupSession session = visibleSession(caller, sessionId);
    Instant now = clock.instant();
    session.requireOpen(now);
    StorageNode node =
        nodes.find(session.node()).orElseThrow(() -> new IllegalStateException("node gone"));
    StorageTarget landing = targets.find(session.landing()).orElseThrow();
    List<PackHash> hashes = reports.stream().map(PackReport::pack).toList();
    Map<PackHash, Long> present;
    try {
      present =
          gateway.present(
              node.url(), ownGrant(session.tenant(), session.id(), node), session.tenant(), hashes);
    } catch (NodeGateway.NodeUnavailableException e) {
      throw new UnavailableException(
          "the storage node " + node.name() + " cannot confirm the packs now: " + e.getMessage());
    }
    List<String> missing = new ArrayList<>();
    for (PackReport r : reports) {
      Long length = present.get(r.pack());
      if (length == null || length != r.length()) {
        missing.add(r.pack().hex());
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidValueException(
          "packs", "node " + node.name() + " does not hold these packs as reported: " + missing);
    }
    BackupSet set = sets.find(session.backupSet()).orElseThrow();
    Duration immutability = policies.inForce(set.policy().name()).terms().immutability();
    Map<PackHash, Pack> known = packs.find(session.tenant(), hashes);
    Map<PackHash, List<PackCopy>> existing = byPack(copies.ofPacks(session.tenant(), hashes));
    int recorded = 0;
    for (PackReport r : reports) {
      if (!known.containsKey(r.pack())) {
        Pack p = Pack.record(session.tenant(), r.pack(), r.length(), now);
        packs.add(p);
        known.put(r.pack(), p);
      }
      boolean onLanding =
          existing.getOrDefault(r.pack(), List.of()).stream()
              .anyMatch(c -> c.targetId().equals(landing.id()) && c.state().holdsData());
      if (!onLanding) {
        PackCopy c = PackCopy.plan(session.tenant(), r.pack(), landing, now);
        c.startWriting(now);
        c.markDurable(
            CopyLocation.ByKey.of(session.tenant().value() + "/" + r.pack().hex()),
            immutability,
            now);
        copies.add(c);
        recorded++;
      }
    }
    return recorded;
  }

  /**
   * Records the snapshot a session produced; every pack it names must be recorded with a copy that
   * holds data (reported in this or an earlier session).
   */
  public Snapshot commit(Caller caller, String sessionId, SnapshotCommit commit) {
    caller.require(Permission.BACKUPS_MANAGE);
    BackupSession session = visibleSession(caller, sessionId);
    Instant now = clock.instant();
    session.requireOpen(now);
    if (snapshots.find(commit.snapshot()).isPresent()) {
      throw new dev.strata.pool.DuplicateIdentityException("snapshot", commit.snapshot());
    }
    Map<PackHash, List<PackCopy>> held = byPack(copies.ofPacks(session.tenant(), commit.packs()));
    List<String> unheld = new ArrayList<>();
    for (PackHash p : commit.packs()) {
      if (held.getOrDefault(p, List.of()).stream().noneMatch(c -> c.state().holdsData())) {
        unheld.add(p.hex());
      }
    }
    if (!unheld.isEmpty()) {
      throw new InvalidValueException(
          "packs", "the snapshot needs packs no copy of which is recorded: " + unheld);
    }
    BackupSet set = sets.find(session.backupSet()).orElseThrow();
    Snapshot s =
        Snapshot.record(
            commit.snapshot(),
            set,
            commit.sequence(),
            commit.takenAt(),
            commit.sizeBytes(),
            session.signingKey(),
            ObjectKey.of("snapshots/" + commit.snapshot().hex()),
            commit.packs(),
            now);
    snapshots.add(s);
    session.commit(commit.snapshot(), now);
    return s;
  }

  /** The tenant's packs with a copy holding data, for deduplication. */
  public Page<Pack> packs(Caller caller, TenantId tenant, PageRequest page) {
    caller.require(Permission.CATALOG_READ);
    caller.mustSee(Optional.of(tenant), "tenant", tenant);
    return Page.of(packs.stored(tenant, page.after(), page.limit() + 1), page, p -> p.hash().hex());
  }

  /**
   * Where each pack can be read now: the best copy on a node that is heard from (verified before
   * durable, then the ranking), with one read grant per node. Packs without such a copy are left
   * out; the caller sees which.
   */
  public List<ReadSource> readSources(Caller caller, TenantId tenant, List<PackHash> wanted) {
    caller.require(Permission.CATALOG_READ);
    caller.mustSee(Optional.of(tenant), "tenant", tenant);
    Instant now = clock.instant();
    LiveNodes live = liveQuery.at(now);
    Map<TargetId, StorageTarget> byId = live.targets();
    Map<NodeName, StorageNode> liveNodes = live.nodes();
    List<StorageTarget> readable = List.copyOf(byId.values());
    Map<TargetId, Integer> rankOf = new HashMap<>();
    ranking.ranked(readable, now).forEach(r -> rankOf.put(r.target().id(), r.rank()));
    Comparator<PackCopy> best =
        Comparator.comparing((PackCopy c) -> c.state() == CopyState.VERIFIED ? 0 : 1)
            .thenComparing(c -> rankOf.getOrDefault(c.targetId(), Integer.MAX_VALUE));
    Map<PackHash, List<PackCopy>> all = byPack(copies.ofPacks(tenant, wanted));
    Map<NodeName, String> grantOf = new LinkedHashMap<>();
    List<ReadSource> out = new ArrayList<>();
    for (PackHash p : wanted) {
      Optional<PackCopy> copy =
          all.getOrDefault(p, List.of()).stream()
              .filter(c -> c.state() == CopyState.VERIFIED || c.state() == CopyState.DURABLE)
              .filter(c -> c.mediaClass() != MediaClass.TAPE && byId.containsKey(c.targetId()))
              .min(best);
      if (copy.isEmpty()) {
        continue;
      }
      StorageTarget t = byId.get(copy.get().targetId());
      StorageNode n = liveNodes.get(t.node().get());
      String grant =
          grantOf.computeIfAbsent(
              n.name(),
              k ->
                  grants.issue(
                      tenant,
                      "read",
                      n.dataCenterId(),
                      n.name(),
                      Set.of(Operation.PACK_READ, Operation.PACK_LIST),
                      List.of(),
                      READ_GRANT));
      out.add(new ReadSource(p, t.id().value(), n.url(), grant));
    }
    return out;
  }

  private String ownGrant(TenantId tenant, String session, StorageNode node) {
    return grants.issue(
        tenant,
        session,
        node.dataCenterId(),
        node.name(),
        Set.of(Operation.PACK_LIST),
        List.of(),
        Duration.ofMinutes(5));
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

  private BackupSession visibleSession(Caller caller, String id) {
    BackupSession s =
        sessions.find(id).orElseThrow(() -> new UnknownIdentityException("backup session", id));
    caller.mustSee(Optional.of(s.tenant()), "backup session", id);
    return s;
  }

  private static Map<PackHash, List<PackCopy>> byPack(List<PackCopy> list) {
    Map<PackHash, List<PackCopy>> out = new HashMap<>();
    list.forEach(c -> out.computeIfAbsent(c.pack(), k -> new ArrayList<>()).add(c));
    return out;
  }
}
