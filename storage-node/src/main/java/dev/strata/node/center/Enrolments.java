package dev.strata.node.center;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How a node becomes and stays a member of its control center: the first start spends a one-time
 * token and keeps the answer in the data directory ({@link EnrolmentFile}); every later start uses
 * what was kept, and no token. A data directory enrolled elsewhere (another center, data center or
 * name) is refused, never silently re-enrolled.
 */
public final class Enrolments {
  private final CenterClient client;
  private final Clock clock;
  private final Consumer<String> log;

  /**
   * @param log where the progress of a first enrolment is told (the center unreachable, retrying)
   */
  public Enrolments(CenterClient client, Clock clock, Consumer<String> log) {
    this.client = client;
    this.clock = clock;
    this.log = log;
  }

  /**
   * The enrolment kept in {@code data}, after checking it belongs to {@code center}, {@code
   * dataCenter} and {@code node}; empty when the node never enrolled from there. With {@code
   * moved}, an enrolment with another center URL is kept and its URL changed to {@code center} (the
   * operator says the center moved; its catalog still knows the node's credential).
   */
  public static Optional<NodeEnrolment> stored(
      Path data, URI center, String dataCenter, String node, boolean moved)
      throws EnrolmentException {
    Optional<NodeEnrolment> kept;
    try {
      kept = EnrolmentFile.read(data);
    } catch (IOException e) {
      throw new EnrolmentException("cannot read the node's enrolment: " + e.getMessage(), e);
    }
    if (kept.isEmpty()) {
      return kept;
    }
    NodeEnrolment e = kept.get();
    URI wanted = NodeEnrolment.normalise(center);
    if (!e.center().equals(wanted) && moved && e.dataCenter().equals(dataCenter)) {
      NodeEnrolment there =
          new NodeEnrolment(
              wanted,
              e.dataCenter(),
              e.node(),
              e.credential(),
              e.grantKey(),
              e.heartbeatInterval(),
              e.enrolledAt());
      try {
        EnrolmentFile.write(data, there, true);
      } catch (IOException io) {
        throw new EnrolmentException(
            "cannot record the center's new URL in " + EnrolmentFile.in(data) + ": " + io, io);
      }
      e = there;
      kept = Optional.of(there);
    }
    if (!e.center().equals(wanted)) {
      throw new EnrolmentException(
          data
              + " holds the enrolment of a node of another control center ("
              + e.center()
              + ", not "
              + wanted
              + "); give that center's URL (with --center-moved if it moved), or another data"
              + " directory for this one");
    }
    if (!e.dataCenter().equals(dataCenter) || !e.node().equals(node)) {
      throw new EnrolmentException(
          data
              + " holds the enrolment of node '"
              + e.node()
              + "' in data center '"
              + e.dataCenter()
              + "', not of '"
              + node
              + "' in '"
              + dataCenter
              + "'; start it with those, or use another data directory");
    }
    return kept;
  }

  /**
   * Enrols {@code node} of {@code dataCenter} at {@code center} with {@code token}, answering at
   * {@code url}, and keeps the enrolment in {@code data}. A center that cannot be reached is tried
   * again with growing pauses (1 s doubling to 15 s) for {@code retryFor}; a refusal ends at once.
   */
  public NodeEnrolment enrol(
      Path data,
      URI center,
      String dataCenter,
      String node,
      String token,
      String url,
      Duration retryFor)
      throws EnrolmentException, InterruptedException {
    Instant deadline = clock.instant().plus(retryFor);
    Duration pause = Duration.ofSeconds(1);
    boolean told = false;
    while (true) {
      NodeEnrolment e;
      try {
        e = client.enrol(center, token, node, url);
      } catch (CenterRefusal r) {
        throw new EnrolmentException(r.getMessage(), r);
      } catch (IOException io) {
        String why = io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
        if (!clock.instant().plus(pause).isBefore(deadline)) {
          throw new EnrolmentException(
              "cannot reach the control center at "
                  + center
                  + " to enrol (tried for "
                  + retryFor.toSeconds()
                  + " s; last: "
                  + why
                  + "); is it running, and is --center its URL?",
              io);
        }
        if (!told) {
          log.accept(
              "cannot reach the control center at "
                  + center
                  + " ("
                  + why
                  + "); trying again for up to "
                  + retryFor.toSeconds()
                  + " s");
          told = true;
        }
        Thread.sleep(pause.toMillis());
        pause =
            pause.multipliedBy(2).compareTo(Duration.ofSeconds(15)) > 0
                ? Duration.ofSeconds(15)
                : pause.multipliedBy(2);
        continue;
      }
      try {
        EnrolmentFile.write(data, e);
      } catch (IOException io) {
        throw new EnrolmentException(
            "enrolled, but cannot keep the enrolment in "
                + EnrolmentFile.in(data)
                + " ("
                + io.getMessage()
                + "); the token is spent: ask for a new one",
            io);
      }
      if (!e.dataCenter().equals(dataCenter)) {
        throw new EnrolmentException(
            "the token was for data center '"
                + e.dataCenter()
                + "', not '"
                + dataCenter
                + "': the center enrolled node '"
                + node
                + "' there (its enrolment is kept in "
                + EnrolmentFile.in(data)
                + "); remove that node or start it with --data-center "
                + e.dataCenter());
      }
      return e;
    }
  }
}
