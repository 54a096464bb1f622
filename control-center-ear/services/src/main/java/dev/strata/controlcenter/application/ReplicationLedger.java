package dev.strata.controlcenter.application;

import dev.strata.controlcenter.application.CopyWork.Kind;
import dev.strata.controlcenter.application.CopyWork.NodeRef;
import dev.strata.pool.MediaClass;
import dev.strata.pool.NodeName;
import dev.strata.pool.StorageNode;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.catalog.BackupSet;
import dev.strata.pool.catalog.CopyLocation;
import dev.strata.pool.catalog.CopyState;
import dev.strata.pool.catalog.Medium;
import dev.strata.pool.catalog.MediumId;
import dev.strata.pool.catalog.MediumState;
import dev.strata.pool.catalog.Pack;
import dev.strata.pool.catalog.PackCopy;
import dev.strata.pool.catalog.PackHash;
import dev.strata.pool.catalog.Snapshot;
import dev.strata.pool.catalog.VerificationOutcome;
import dev.strata.pool.placement.Candidate;
import dev.strata.pool.placement.ExistingCopy;
import dev.strata.pool.placement.PlacementPlan;
import dev.strata.pool.placement.PlacementPlanner;
import dev.strata.pool.placement.PlacementRequest;
import dev.strata.pool.placement.PlannedCopy;
import dev.strata.pool.policy.PolicyTerms;
import dev.strata.pool.policy.QosPolicy;
import dev.strata.pool.policy.VerificationSchedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog side of replication, one short transaction per method: decide what copies and checks
 * the policies still need (creating the copies being made, so that no two runs make the same one),
 * and record what the nodes did. {@link ReplicationService} carries the work out between.
 */
@Stateless
@Interceptors(DomainRules.class)
public class ReplicationLedger {
  static final int SNAPSHOTS_PER_RUN = 200;
  static final int COPIES_PER_RUN = 1000;

  /** A copy to a disk that has not become durable in this long is given up and planned again. */
  static final Duration DISK_COPY_TIMEOUT = Duration.ofHours(1);

  /** Tape writes wait for a batch to fill or its deadline: give them longer. */
  static final Duration TAPE_COPY_TIMEOUT = Duration.ofHours(12);

  private static final PlacementPlanner PLANNER = new PlacementPlanner();

  /** Where the walk over the snapshots goes on: the last id of the previous run's page. */
  private static final java.util.concurrent.atomic.AtomicReference<String> cursor =
      new java.util.concurrent.atomic.AtomicReference<>();

  @Inject SnapshotRepository snapshots;
  @Inject BackupSetRepository sets;
  @Inject PolicyRepository policies;
  @Inject PackRepository packs;
  @Inject PackCopyRepository copies;
  @Inject MediumRepository media;
  @Inject TargetRepository targets;
  @Inject LiveNodeQuery liveQuery;
  @Inject RankingCalculator ranking;
  @Inject Clock clock;

  /** What the nodes should do now. Copies being made are recorded as WRITING. */
  public List<CopyWork> plan() {
    Instant now = clock.instant();
    LiveNodes liveNodes = liveQuery.at(now);
    Map<NodeName, StorageNode> live = liveNodes.nodes();
    Map<TargetId, StorageTarget> nodeTargets = liveNodes.targets();
    List<Candidate> candidates =
        ranking.ranked(List.copyOf(nodeTargets.values()), now).stream()
            .map(r -> Candidate.of(r.target(), r.score()))
            .toList();

    List<CopyWork> work = new ArrayList<>();
    giveUpStaleCopies(now);
    pollTape(work, live, nodeTargets);
    // A pack is planned once per policy revision in a run: shared by snapshots under different
    // policies, it is held to each (the copies one plan starts count for the next).
    Set<String> planned = new HashSet<>();
    List<Snapshot> page = snapshots.after(cursor.get(), SNAPSHOTS_PER_RUN);
    // The next run goes on after this page; after the last page it starts over.
    cursor.set(page.size() < SNAPSHOTS_PER_RUN ? null : page.get(page.size() - 1).id().hex());
    for (Snapshot s : page) {
      Optional<BackupSet> set = sets.find(s.backupSetId());
      if (set.isEmpty()) {
        continue;
      }
      Optional<QosPolicy> policy =
          policies.revision(set.get().policy().name(), set.get().policy().revision());
      if (policy.isEmpty()) {
        continue;
      }
      PolicyTerms terms = policy.get().terms();
      String under = policy.get().name() + "#" + policy.get().revision();
      List<PackHash> todo =
          s.packs().stream().filter(p -> planned.add(p.hex() + "@" + under)).toList();
      Map<PackHash, Pack> sizes = packs.find(s.tenantId(), todo);
      Map<PackHash, List<PackCopy>> byPack = new HashMap<>();
      copies
          .ofPacks(s.tenantId(), todo)
          .forEach(c -> byPack.computeIfAbsent(c.pack(), k -> new ArrayList<>()).add(c));
      for (PackHash p : todo) {
        Pack pack = sizes.get(p);
        if (pack == null) {
          continue;
        }
        planPack(
            work,
            s,
            terms,
            pack,
            byPack.getOrDefault(p, List.of()),
            live,
            nodeTargets,
            candidates,
            now);
      }
    }
    return work;
  }

  private void planPack(
      List<CopyWork> work,
      Snapshot s,
      PolicyTerms terms,
      Pack pack,
      List<PackCopy> existing,
      Map<NodeName, StorageNode> live,
      Map<TargetId, StorageTarget> nodeTargets,
      List<Candidate> candidates,
      Instant now) {
    List<PackCopy> present =
        existing.stream()
            .filter(
                c ->
                    c.state().holdsData()
                        || c.state() == CopyState.PLANNED
                        || c.state() == CopyState.WRITING)
            .toList();
    List<ExistingCopy> counted =
        present.stream()
            .map(c -> new ExistingCopy(c.targetId(), c.dataCenterId(), c.mediaClass()))
            .distinct()
            .toList();
    verifications(work, terms, present, live, nodeTargets, now);
    // Copies planned on a node's tape or other target while the pack travelled to its landing
    // disk: once it has landed there, they are written from it.
    for (PackCopy c : present) {
      StorageTarget t = nodeTargets.get(c.targetId());
      if (c.state() != CopyState.PLANNED || t == null) {
        continue;
      }
      StorageNode node = live.get(t.node().get());
      if (node == null || node.landing().isEmpty()) {
        continue;
      }
      TargetId landing = node.landing().get();
      if (present.stream().anyMatch(x -> x.targetId().equals(landing) && x.state().holdsData())) {
        c.startWriting(now);
        work.add(fromLanding(s, terms, pack, t, node, c));
      }
    }
    PlacementPlan plan =
        PLANNER.plan(new PlacementRequest(terms, pack.sizeBytes(), counted), candidates);
    if (plan.copies().isEmpty()) {
      return;
    }
    // A source: a live node that holds the pack on its landing disk.
    Optional<StorageNode> source =
        present.stream()
            .filter(c -> c.state().holdsData())
            .map(c -> nodeTargets.get(c.targetId()))
            .filter(t -> t != null)
            .map(t -> live.get(t.node().get()))
            .filter(n -> n != null && n.landing().isPresent())
            .filter(
                n ->
                    present.stream()
                        .anyMatch(
                            c -> c.targetId().equals(n.landing().get()) && c.state().holdsData()))
            .findFirst();
    for (PlannedCopy pc : plan.copies()) {
      StorageTarget target = nodeTargets.get(pc.target());
      if (target == null) {
        continue;
      }
      StorageNode node = live.get(target.node().get());
      if (node.landing().isEmpty()) {
        continue;
      }
      TargetId landing = node.landing().get();
      boolean landed =
          present.stream().anyMatch(c -> c.targetId().equals(landing) && c.state().holdsData());
      boolean landing_in_flight =
          present.stream().anyMatch(c -> c.targetId().equals(landing) && !c.state().holdsData());
      if (target.id().equals(landing)) {
        source
            .filter(src -> !src.name().equals(node.name()))
            .ifPresent(src -> nodeCopy(work, s, terms, pack, target, src, node, now));
      } else if (landed) {
        PackCopy c = start(s, pack, target, now);
        work.add(fromLanding(s, terms, pack, target, node, c));
      } else {
        // The pack goes to the node's landing disk first. The copy on the target is planned now,
        // so that it counts for the policy (and is not placed again elsewhere) while the pack
        // travels; it is written once the pack has landed.
        StorageTarget landingTarget = nodeTargets.get(landing);
        if (!landing_in_flight && source.isPresent()) {
          if (landingTarget == null || !landingTarget.state().acceptsNewCopies()) {
            continue;
          }
          nodeCopy(work, s, terms, pack, landingTarget, source.get(), node, now);
        } else if (!landing_in_flight) {
          continue; // no live node holds it on its landing disk to copy from
        }
        copies.add(PackCopy.plan(s.tenantId(), pack.hash(), target, now));
      }
    }
  }

  /** Work that writes a copy on one of the node's targets from its landing disk. */
  private CopyWork fromLanding(
      Snapshot s,
      PolicyTerms terms,
      Pack pack,
      StorageTarget target,
      StorageNode node,
      PackCopy c) {
    Kind kind = target.mediaClass() == MediaClass.TAPE ? Kind.STAGE : Kind.TARGET_COPY;
    return new CopyWork(
        kind,
        c.id().orElseThrow().value(),
        s.tenantId(),
        pack.hash(),
        ref(node),
        null,
        kind == Kind.STAGE ? s.tenantId().value() : nameOnNode(target),
        s.signingKey().hex(),
        terms.immutability());
  }

  private void nodeCopy(
      List<CopyWork> work,
      Snapshot s,
      PolicyTerms terms,
      Pack pack,
      StorageTarget landing,
      StorageNode source,
      StorageNode destination,
      Instant now) {
    PackCopy c = start(s, pack, landing, now);
    work.add(
        new CopyWork(
            Kind.NODE_COPY,
            c.id().orElseThrow().value(),
            s.tenantId(),
            pack.hash(),
            ref(source),
            ref(destination),
            null,
            s.signingKey().hex(),
            terms.immutability()));
  }

  private PackCopy start(Snapshot s, Pack pack, StorageTarget target, Instant now) {
    PackCopy c = PackCopy.plan(s.tenantId(), pack.hash(), target, now);
    c.startWriting(now);
    copies.add(c);
    return c;
  }

  private void giveUpStaleCopies(Instant now) {
    for (PackCopy c :
        copies.inStates(EnumSet.of(CopyState.PLANNED, CopyState.WRITING), COPIES_PER_RUN)) {
      Duration timeout = c.mediaClass() == MediaClass.TAPE ? TAPE_COPY_TIMEOUT : DISK_COPY_TIMEOUT;
      if (c.updatedAt().plus(timeout).isBefore(now)) {
        c.abandon(now);
      }
    }
  }

  private void pollTape(
      List<CopyWork> work,
      Map<NodeName, StorageNode> live,
      Map<TargetId, StorageTarget> nodeTargets) {
    for (PackCopy c : copies.inStates(EnumSet.of(CopyState.WRITING), COPIES_PER_RUN)) {
      StorageTarget t = nodeTargets.get(c.targetId());
      if (c.mediaClass() != MediaClass.TAPE || t == null) {
        continue;
      }
      work.add(
          new CopyWork(
              Kind.POLL_TAPE,
              c.id().orElseThrow().value(),
              c.tenantId(),
              c.pack(),
              ref(live.get(t.node().get())),
              null,
              c.tenantId().value(),
              null,
              Duration.ZERO));
    }
  }

  /**
   * Copies on live nodes to read back: every copy once when it is made (durable is not yet
   * verified, and only verified copies count as protection), then, each verification interval of
   * the policy, the sampled share of them its depth names (all at 100 percent).
   */
  private void verifications(
      List<CopyWork> work,
      PolicyTerms terms,
      List<PackCopy> present,
      Map<NodeName, StorageNode> live,
      Map<TargetId, StorageTarget> nodeTargets,
      Instant now) {
    for (PackCopy c : present) {
      StorageTarget t = nodeTargets.get(c.targetId());
      if (t == null || !c.state().holdsData()) {
        continue;
      }
      if (c.state() != CopyState.DURABLE
          && !VerificationSchedule.due(
              c.id().orElseThrow().value(),
              c.lastVerifiedAt(),
              terms.verificationInterval(),
              terms.verificationDepth().percent(),
              now)) {
        continue;
      }
      work.add(
          new CopyWork(
              Kind.VERIFY,
              c.id().orElseThrow().value(),
              c.tenantId(),
              c.pack(),
              ref(live.get(t.node().get())),
              null,
              t.mediaClass() == MediaClass.TAPE ? "tape:" + c.tenantId().value() : nameOnNode(t),
              null,
              Duration.ZERO));
    }
  }

  /** A copy the node made (or could not make). */
  public void copied(long copyId, boolean ok, String detail, Duration immutability) {
    copies
        .find(copyId)
        .ifPresent(
            c -> {
              Instant now = clock.instant();
              if (c.state() != CopyState.WRITING && c.state() != CopyState.PLANNED) {
                return;
              }
              if (ok) {
                c.markDurable(
                    CopyLocation.ByKey.of(c.tenantId().value() + "/" + c.pack().hex()),
                    immutability,
                    now);
              } else {
                c.abandon(now);
              }
            });
  }

  /** A pack staged for tape reached it: the copy lies where its first piece begins. */
  public void onTape(long copyId, NodeGateway.TapeState state, Duration immutability) {
    if (!state.written() || state.pieces().isEmpty()) {
      return;
    }
    copies
        .find(copyId)
        .filter(c -> c.state() == CopyState.WRITING)
        .ifPresent(
            c -> {
              Instant now = clock.instant();
              StorageTarget library = targets.find(c.targetId()).orElseThrow();
              MediumId firstMedium = null;
              for (NodeGateway.TapePiece piece : state.pieces()) {
                Medium m = cartridge(library, piece.barcode(), now);
                if (m.state() == MediumState.SCRATCH) {
                  m.startFilling(now);
                }
                if (m.state() == MediumState.FILLING) {
                  m.recordWrite(piece.length(), now);
                }
                if (firstMedium == null) {
                  firstMedium = m.id();
                }
              }
              NodeGateway.TapePiece first = state.pieces().get(0);
              c.markDurable(
                  new CopyLocation.OnTape(firstMedium, first.file(), first.block()),
                  immutability,
                  now);
            });
  }

  /**
   * The catalog's cartridge of a library, registered when first written. Barcodes are unique only
   * within a library (two VTLs made with the same defaults share them), so the id names both.
   */
  private Medium cartridge(StorageTarget library, String barcode, Instant now) {
    String id = barcode + "@" + library.id().value();
    if (id.length() > 64) {
      id = barcode + "@" + dev.strata.pool.SecretHash.of(library.id().value()).substring(0, 16);
    }
    MediumId mid = MediumId.of(id);
    return media
        .find(mid)
        .orElseGet(
            () -> {
              Medium m = Medium.registerCartridge(mid, library, "LTO-9", null, now);
              media.add(m);
              return m;
            });
  }

  /** A copy read back. */
  public void verified(long copyId, NodeGateway.Verification v) {
    copies
        .find(copyId)
        .filter(c -> c.state().holdsData())
        .ifPresent(
            c ->
                c.recordVerification(
                    v.ok()
                        ? VerificationOutcome.INTACT
                        : v.found() ? VerificationOutcome.CORRUPT : VerificationOutcome.MISSING,
                    clock.instant()));
  }

  private static NodeRef ref(StorageNode n) {
    return new NodeRef(n.name().value(), n.dataCenterId().value(), n.url());
  }

  /** A node target's own name: its catalog id without the node's prefix. */
  static String nameOnNode(StorageTarget t) {
    return t.id().value().substring(t.node().get().value().length() + 1);
  }
}
