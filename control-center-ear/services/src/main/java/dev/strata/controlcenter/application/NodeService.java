package dev.strata.controlcenter.application;

import dev.strata.pool.DataCenter;
import dev.strata.pool.DataCenterId;
import dev.strata.pool.DuplicateIdentityException;
import dev.strata.pool.EnrolmentToken;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.NodeName;
import dev.strata.pool.ProbeMeasurement;
import dev.strata.pool.ProbeResult;
import dev.strata.pool.StorageNode;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.TargetKind;
import dev.strata.pool.UnknownIdentityException;
import dev.strata.pool.identity.Permission;
import dev.strata.pool.identity.PrincipalName;
import dev.strata.pool.identity.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage nodes: they enrol in a data center with a one-time token, prove themselves with the
 * credential enrolment gave them, and send heartbeats that register their targets and carry their
 * probes. A node silent for three heartbeat intervals is late: its targets are recorded unreachable
 * until it is heard from again. Each public method is one transaction.
 */
@Stateless
@Interceptors(DomainRules.class)
public class NodeService {

  @Inject NodeRepository nodes;
  @Inject EnrolmentTokenRepository tokens;
  @Inject DataCenterRepository dataCenters;
  @Inject TargetRepository targets;
  @Inject ProbeRepository probes;
  @Inject Secrets secrets;
  @Inject GrantIssuer grants;
  @Inject PoolSettings settings;
  @Inject Clock clock;

  /** A one-time token with which a node enrols in {@code dataCenter}. */
  public IssuedEnrolmentToken issueEnrolmentToken(Caller caller, DataCenterId dataCenter) {
    caller.require(Permission.POOL_MANAGE);
    dataCenters
        .find(dataCenter)
        .orElseThrow(() -> new UnknownIdentityException("data center", dataCenter));
    EnrolmentToken.Secret secret = secrets.newEnrolmentToken();
    EnrolmentToken token = EnrolmentToken.issue(dataCenter, secret, clock.instant());
    tokens.add(token);
    return new IssuedEnrolmentToken(token, secret.text());
  }

  /**
   * Enrols {@code node}, answering at {@code url}, with a token (its only proof: there is no caller
   * yet). The token is spent whatever follows; the credential is returned once.
   */
  public Enrolment enrol(String tokenText, NodeName node, String url) {
    EnrolmentToken.Secret secret =
        EnrolmentToken.parse(tokenText)
            .orElseThrow(() -> new InvalidValueException("token", "not an enrolment token"));
    EnrolmentToken token =
        tokens
            .find(secret.id())
            .orElseThrow(
                () ->
                    new InvalidValueException(
                        "token", "the enrolment token is not valid (or was used)"));
    Instant now = clock.instant();
    token.redeem(secret, node, now);
    if (nodes.find(node).isPresent()) {
      throw new DuplicateIdentityException("storage node", node);
    }
    String credential = secrets.newSecret();
    StorageNode n = StorageNode.enrol(node, token.dataCenterId(), url, credential, now);
    nodes.add(n);
    return new Enrolment(n, StorageNode.credentialText(node, credential), grants.publicKeyText());
  }

  /** Whether a node named {@code node} is enrolled. */
  public boolean isEnrolled(Caller caller, NodeName node) {
    caller.require(Permission.POOL_READ);
    return nodes.find(node).isPresent();
  }

  /** How often nodes are to send heartbeats. */
  public Duration heartbeatInterval() {
    return settings.nodeHeartbeatInterval();
  }

  /** The caller a node credential proves, if it is one of an enrolled node. */
  public Optional<Caller> authenticate(String credentialText) {
    return StorageNode.parseCredential(credentialText)
        .flatMap(
            c -> nodes.find(c.getKey()).filter(n -> n.accepts(c.getValue())).map(n -> c.getKey()))
        .map(NodeService::callerOf);
  }

  static Caller callerOf(NodeName node) {
    return new Caller(PrincipalName.of("node." + node.value()), Role.NODE, Optional.empty());
  }

  /** A heartbeat of {@code node}: where it is, its targets and their latest probes. */
  public StorageNode heartbeat(Caller caller, NodeName node, NodeReport report) {
    caller.require(Permission.NODE_REPORT);
    if (!caller.equals(callerOf(node))) {
      throw new UnknownIdentityException("storage node", node);
    }
    StorageNode n =
        nodes.find(node).orElseThrow(() -> new UnknownIdentityException("storage node", node));
    Instant now = clock.instant();
    n.heartbeat(report.url(), now);
    DataCenter dc =
        dataCenters
            .find(n.dataCenterId())
            .orElseThrow(() -> new IllegalStateException("data center " + n.dataCenterId()));
    List<StorageTarget> reported = new ArrayList<>();
    Optional<TargetId> landing = Optional.empty();
    for (NodeReport.Target t : report.targets()) {
      TargetId id = targetId(node, t.name());
      String endpoint = endpoint(t.kind(), t.location());
      StorageTarget target =
          targets
              .find(id)
              .map(
                  existing -> {
                    if (!existing.node().equals(Optional.of(node))) {
                      throw new InvalidValueException(
                          "targets", "target " + id + " does not belong to node " + node);
                    }
                    existing.relocate(endpoint, now);
                    return existing;
                  })
              .orElseGet(
                  () -> {
                    StorageTarget created =
                        StorageTarget.reportedBy(node, id, dc, t.kind(), t.name(), endpoint, now);
                    if (settings.embeddedNode().equals(Optional.of(node))) {
                      created.activate(now); // the embedded default's own devices serve at once
                    }
                    targets.add(created);
                    return created;
                  });
      reported.add(target);
      if (landing.isEmpty() && t.kind() == TargetKind.DISK) {
        landing = Optional.of(target.id()); // the node lands packs on its first disk
      }
      if (t.probe() != null) {
        record(target, t.probe());
      }
    }
    n.landOn(landing.orElse(null));
    return n;
  }

  /** Records the node's probe unless it is already recorded (heartbeats repeat the latest). */
  private void record(StorageTarget target, NodeReport.Probe p) {
    Map<TargetId, ProbeResult> latest = probes.latest(List.of(target.id()));
    ProbeResult last = latest.get(target.id());
    if (last != null && !p.at().isAfter(last.probedAt())) {
      return;
    }
    ProbeMeasurement m =
        p.reachable()
            ? new ProbeMeasurement(
                true,
                p.totalBytes(),
                p.freeBytes(),
                p.dataPathTested() ? Math.max(0, p.probeBytes()) : 0,
                p.writeMillis() < 0 ? null : Duration.ofMillis(p.writeMillis()),
                p.readMillis() < 0 ? null : Duration.ofMillis(p.readMillis()),
                p.verified(),
                p.detail())
            : ProbeMeasurement.unreachable(p.detail());
    probes.add(ProbeResult.assess(target, m, p.at(), settings.probeThresholds()));
  }

  /** The nodes, each with whether it is late and the targets it owns. */
  public List<NodeStatus> nodes(Caller caller) {
    caller.require(Permission.POOL_READ);
    Instant now = clock.instant();
    Duration tolerance = settings.nodeHeartbeatInterval().multipliedBy(3);
    List<StorageTarget> all = targets.all(TargetQuery.ALL);
    return nodes.all().stream()
        .map(
            n ->
                new NodeStatus(
                    n,
                    n.isLate(now, tolerance),
                    all.stream()
                        .filter(t -> t.node().equals(Optional.of(n.name())))
                        .map(t -> t.id().value())
                        .toList()))
        .toList();
  }

  /**
   * The scheduled watch: every target of a late node is recorded unreachable, naming the silence;
   * its next heartbeat records the node's own probes again.
   */
  public int markLateNodes(Caller caller) {
    caller.require(Permission.POOL_MANAGE);
    Instant now = clock.instant();
    Duration tolerance = settings.nodeHeartbeatInterval().multipliedBy(3);
    int marked = 0;
    for (StorageNode n : nodes.all()) {
      if (!n.isLate(now, tolerance)) {
        continue;
      }
      for (StorageTarget t : targets.all(TargetQuery.ALL)) {
        if (t.node().equals(Optional.of(n.name())) && t.state().isProbed()) {
          probes.add(
              ProbeResult.assess(
                  t,
                  ProbeMeasurement.unreachable(
                      "storage node "
                          + n.name()
                          + " has sent no heartbeat since "
                          + n.lastHeartbeatAt()),
                  now,
                  settings.probeThresholds()));
          marked++;
        }
      }
    }
    return marked;
  }

  static TargetId targetId(NodeName node, String name) {
    String id = node.value() + "-" + name;
    try {
      return TargetId.of(id);
    } catch (InvalidValueException e) {
      throw new InvalidValueException(
          "targets", "a node's target name makes the catalog id '" + id + "', which is not an id");
    }
  }

  /** The endpoint a node's target has in the catalog: the location in the kind's URI form. */
  static String endpoint(TargetKind kind, String location) {
    if (location == null || location.isBlank()) {
      throw new InvalidValueException("targets", "a node's target has no location");
    }
    URI u = URI.create(location.strip().replace(" ", "%20"));
    if (u.getScheme() != null) {
      return u.toString();
    }
    return kind.scheme() + ":" + u.getPath();
  }
}
