package dev.strata.node.center;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a node keeps of its enrolment: the control center it belongs to, its name and data center
 * there, the credential it proves itself with, the key the center signs grants with, and how often
 * the center wants heartbeats. Stored by {@link EnrolmentFile}.
 *
 * @param center the center's URL (under which {@code api/v1/} lives), ending in {@code /}
 * @param grantKey the center's public grant key, as a key file holds it ({@code strata-grant-key-v1
 *     public ...})
 */
public record NodeEnrolment(
    URI center,
    String dataCenter,
    String node,
    String credential,
    String grantKey,
    Duration heartbeatInterval,
    Instant enrolledAt) {

  public NodeEnrolment {
    center = normalise(center);
    Objects.requireNonNull(dataCenter, "dataCenter");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(credential, "credential");
    grantKey = Objects.requireNonNull(grantKey, "grantKey").strip();
    if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
      throw new IllegalArgumentException("the heartbeat interval must be positive");
    }
    Objects.requireNonNull(enrolledAt, "enrolledAt");
  }

  /** A center's URL as the node compares and stores it: no query or fragment, ending in '/'. */
  public static URI normalise(URI center) {
    String s = Objects.requireNonNull(center, "center").toString().strip();
    if (center.getScheme() == null
        || !(center.getScheme().equals("http") || center.getScheme().equals("https"))
        || center.getHost() == null
        || center.getRawQuery() != null
        || center.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "the control center's URL must be http(s)://host[:port][/path], not " + s);
    }
    return URI.create(s.endsWith("/") ? s : s + "/");
  }

  /** Never the credential. */
  @Override
  public String toString() {
    return "NodeEnrolment[" + node + " in " + dataCenter + " at " + center + "]";
  }
}
