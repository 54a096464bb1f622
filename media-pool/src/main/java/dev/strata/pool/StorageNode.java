package dev.strata.pool;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A storage node as the control center knows it: which data center it serves, where it answers, and
 * when it last sent a heartbeat. Whether it is online is derived from that time, never stored: a
 * node that missed its heartbeats for long enough is late, and its targets are reported unreachable
 * until it is heard from again.
 */
public class StorageNode {
  public static final int MAX_URL = 512;

  private String name;
  private String dataCenterId;
  private String url;
  private Instant enrolledAt;
  private Instant lastHeartbeatAt;
  private String credentialHash;
  private String landingTarget;
  private long version;

  /** For the persistence mapping only. */
  protected StorageNode() {}

  /**
   * A node that has just enrolled in {@code dataCenter}, answering at {@code url}; it proves who it
   * is from now on with {@code credential} (its text is {@code snk_<node>_<secret>}; only the
   * secret's hash is kept).
   */
  public static StorageNode enrol(
      NodeName name, DataCenterId dataCenter, String url, String credentialSecret, Instant now) {
    StorageNode n = new StorageNode();
    n.name = Objects.requireNonNull(name, "name").value();
    n.credentialHash = SecretHash.of(credentialSecret);
    n.dataCenterId = Objects.requireNonNull(dataCenter, "dataCenter").value();
    n.url = requireUrl(url);
    n.enrolledAt = now;
    n.lastHeartbeatAt = now;
    return n;
  }

  /** The text of a node credential for {@code secret}. */
  public static String credentialText(NodeName node, String secret) {
    return "snk_" + node.value() + "_" + secret;
  }

  /** The node name and secret of a credential's text, when it is one. */
  public static Optional<Map.Entry<NodeName, String>> parseCredential(String text) {
    Matcher m = CREDENTIAL.matcher(text == null ? "" : text.strip());
    return m.matches()
        ? Optional.of(Map.entry(NodeName.of(m.group(1)), m.group(2)))
        : Optional.empty();
  }

  private static final Pattern CREDENTIAL =
      Pattern.compile("snk_(" + Slug.REGEX + ")_([A-Za-z0-9_-]{43})");

  /** Whether {@code secret} is this node's credential. */
  public boolean accepts(String secret) {
    return SecretHash.matches(secret, credentialHash);
  }

  /** A heartbeat: the node is alive, at {@code url} (it may have moved). */
  public void heartbeat(String url, Instant now) {
    this.url = requireUrl(url);
    if (lastHeartbeatAt == null || now.isAfter(lastHeartbeatAt)) {
      this.lastHeartbeatAt = now;
    }
  }

  /** Whether the node has been silent longer than {@code tolerance} at {@code now}. */
  public boolean isLate(Instant now, Duration tolerance) {
    return lastHeartbeatAt.plus(tolerance).isBefore(now);
  }

  static String requireUrl(String url) {
    String u = Text.required("url", url, MAX_URL);
    try {
      URI uri = new URI(u);
      String scheme = uri.getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme)
          || uri.getHost() == null
          || uri.getUserInfo() != null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        throw new InvalidValueException(
            "url", "a node's url is http(s)://host:port/ without user, query or fragment");
      }
    } catch (URISyntaxException e) {
      throw new InvalidValueException("url", "a node's url is not a URI: " + e.getMessage());
    }
    return u.endsWith("/") ? u : u + "/";
  }

  /**
   * The target uploads land on: the node's first disk (packs received, copied in or recalled land
   * there before anything else happens to them).
   */
  public void landOn(TargetId target) {
    this.landingTarget = target == null ? null : target.value();
  }

  public Optional<TargetId> landing() {
    return Optional.ofNullable(landingTarget).map(TargetId::new);
  }

  public NodeName name() {
    return new NodeName(name);
  }

  public DataCenterId dataCenterId() {
    return new DataCenterId(dataCenterId);
  }

  public URI url() {
    return URI.create(url);
  }

  public Instant enrolledAt() {
    return enrolledAt;
  }

  public Instant lastHeartbeatAt() {
    return lastHeartbeatAt;
  }

  public Optional<Instant> lastHeard() {
    return Optional.ofNullable(lastHeartbeatAt);
  }

  public long version() {
    return version;
  }
}
