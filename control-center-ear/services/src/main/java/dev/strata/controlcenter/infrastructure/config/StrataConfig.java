package dev.strata.controlcenter.infrastructure.config;

import dev.strata.controlcenter.application.JobSettings;
import dev.strata.controlcenter.application.PoolSettings;
import dev.strata.pool.NodeName;
import dev.strata.pool.ProbeThresholds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The control center's settings, read once through MicroProfile Config (system properties, then
 * environment variables such as {@code STRATA_DATA_DIR}, then {@code
 * META-INF/microprofile-config.properties}). Nothing else in the code reads configuration.
 */
@ApplicationScoped
public class StrataConfig implements PoolSettings, JobSettings {

  @Inject
  @ConfigProperty(name = "strata.data.dir", defaultValue = "strata-data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "strata.embedded.provision", defaultValue = "true")
  boolean provisionEmbedded;

  @Inject
  @ConfigProperty(name = "strata.embedded.node")
  Optional<String> embeddedNode;

  @Inject
  @ConfigProperty(name = "strata.probe.interval.seconds", defaultValue = "60")
  long probeIntervalSeconds;

  @Inject
  @ConfigProperty(name = "strata.probe.bytes", defaultValue = "1048576")
  int probeBytes;

  @Inject
  @ConfigProperty(name = "strata.probe.timeout.seconds", defaultValue = "120")
  long probeTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "strata.probe.min-free-ratio", defaultValue = "0.05")
  double minFreeRatio;

  @Inject
  @ConfigProperty(name = "strata.probe.retention.days", defaultValue = "30")
  int probeRetentionDays;

  @Inject
  @ConfigProperty(name = "strata.node.heartbeat.seconds", defaultValue = "30")
  long nodeHeartbeatSeconds;

  @Inject
  @ConfigProperty(name = "strata.replication.interval.seconds", defaultValue = "30")
  long replicationIntervalSeconds;

  @Inject
  @ConfigProperty(name = "strata.jobs.claim-grace.seconds", defaultValue = "3600")
  long claimGraceSeconds;

  @Inject
  @ConfigProperty(name = "strata.jobs.scan.seconds", defaultValue = "5")
  long jobScanSeconds;

  @Inject
  @ConfigProperty(name = "strata.http.allowed-hosts", defaultValue = AllowedHosts.LOOPBACK)
  String allowedHosts;

  @Inject
  @ConfigProperty(name = "strata.http.max-body-bytes", defaultValue = "1048576")
  long maxBodyBytes;

  @Inject
  @ConfigProperty(name = "strata.endpoints.disk-roots")
  Optional<String> diskRoots;

  @Inject
  @ConfigProperty(name = "strata.endpoints.vtl-roots")
  Optional<String> vtlRoots;

  @Inject
  @ConfigProperty(name = "strata.endpoints.tape-devices", defaultValue = " ")
  String tapeDevices;

  @Inject
  @ConfigProperty(name = "strata.endpoints.remote-hosts", defaultValue = AllowedHosts.LOOPBACK)
  String remoteHosts;

  private volatile AllowedHosts parsedAllowedHosts;

  /** Root of everything the control center keeps on local disk (catalog, embedded devices). */
  public Path dataDir() {
    return Path.of(dataDir).toAbsolutePath().normalize();
  }

  /** Whether a fresh catalog gets the embedded data center {@code local} with a VTL and a disk. */
  public boolean provisionEmbedded() {
    return provisionEmbedded;
  }

  /**
   * The storage node the launcher runs for data center {@code local} ({@code ./strata server}
   * without {@code --no-node}): the center then provisions {@code local} without targets of its own
   * and writes that node's one-time enrolment token to the data directory.
   */
  @Override
  public Optional<NodeName> embeddedNode() {
    return embeddedNode.map(String::strip).filter(s -> !s.isEmpty()).map(NodeName::of);
  }

  public Duration probeInterval() {
    if (probeIntervalSeconds < 1) {
      throw new IllegalStateException("strata.probe.interval.seconds must be at least 1");
    }
    return Duration.ofSeconds(probeIntervalSeconds);
  }

  /** How long one probe may take before its target is reported unreachable. */
  public Duration probeTimeout() {
    if (probeTimeoutSeconds < 1) {
      throw new IllegalStateException("strata.probe.timeout.seconds must be at least 1");
    }
    return Duration.ofSeconds(probeTimeoutSeconds);
  }

  public int probeBytes() {
    return probeBytes;
  }

  public double minFreeRatio() {
    return minFreeRatio;
  }

  @Override
  public ProbeThresholds probeThresholds() {
    return new ProbeThresholds(minFreeRatio);
  }

  /** How long probe results are kept; older ones are deleted by a scheduled job. */
  @Override
  public Duration probeRetention() {
    if (probeRetentionDays < 1) {
      throw new IllegalStateException("strata.probe.retention.days must be at least 1");
    }
    return Duration.ofDays(probeRetentionDays);
  }

  /** How often the policies' copies and read-backs are planned and asked of the nodes. */
  @Override
  public Duration claimGrace() {
    if (claimGraceSeconds < 1) {
      throw new IllegalStateException("strata.jobs.claim-grace.seconds must be at least 1");
    }
    return Duration.ofSeconds(claimGraceSeconds);
  }

  /** How often due backup jobs are queued and unclaimed runs recorded missed. */
  public Duration jobScanInterval() {
    if (jobScanSeconds < 1) {
      throw new IllegalStateException("strata.jobs.scan.seconds must be at least 1");
    }
    return Duration.ofSeconds(jobScanSeconds);
  }

  public Duration replicationInterval() {
    if (replicationIntervalSeconds < 1) {
      throw new IllegalStateException("strata.replication.interval.seconds must be at least 1");
    }
    return Duration.ofSeconds(replicationIntervalSeconds);
  }

  @Override
  public Duration nodeHeartbeatInterval() {
    if (nodeHeartbeatSeconds < 1) {
      throw new IllegalStateException("strata.node.heartbeat.seconds must be at least 1");
    }
    return Duration.ofSeconds(nodeHeartbeatSeconds);
  }

  /** The names a request's {@code Host} (and a browser's {@code Origin}) may carry. */
  public AllowedHosts allowedHosts() {
    AllowedHosts a = parsedAllowedHosts;
    if (a == null) {
      a = AllowedHosts.parse(allowedHosts);
      parsedAllowedHosts = a;
    }
    return a;
  }

  /** The largest request body accepted. */
  public long maxBodyBytes() {
    if (maxBodyBytes < 1024) {
      throw new IllegalStateException("strata.http.max-body-bytes must be at least 1024");
    }
    return maxBodyBytes;
  }

  /**
   * Where the targets this control center reaches itself may live: directories for disk targets and
   * in-process VTLs (always the data directory's own {@code disk/} and {@code vtl/}, where the
   * embedded pool lives, plus those configured), device paths (globs) for tape libraries (none by
   * default), and hosts for remote VTLs and object stores (loopback by default).
   */
  public EndpointRoots endpointRoots() {
    return new EndpointRoots(
        paths(dataDir().resolve("disk"), diskRoots.orElse("")),
        paths(dataDir().resolve("vtl"), vtlRoots.orElse("")),
        list(tapeDevices),
        list(remoteHosts));
  }

  private static List<Path> paths(Path own, String csv) {
    return Stream.concat(
            Stream.of(own), list(csv).stream().map(p -> Path.of(p).toAbsolutePath().normalize()))
        .toList();
  }

  private static List<String> list(String csv) {
    return Arrays.stream(csv.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
  }
}
