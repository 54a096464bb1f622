package dev.strata.node.center;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The control center's node API as the node calls it: enrolment ({@code POST
 * api/v1/node-enrolments}) and heartbeats ({@code POST api/v1/nodes/{name}/heartbeats}, with the
 * node's credential as a bearer token). Answers the center refuses are {@link CenterRefusal}s; a
 * center that cannot be reached or fails (5xx, 429) is an {@link IOException}, worth trying again.
 */
public final class CenterClient {
  static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient http;
  private final Clock clock;
  private final Jsonb json = JsonbBuilder.create();

  public CenterClient(HttpClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /** The enrolment request's body. */
  public record EnrolRequest(String token, String node, String url) {
    @Override
    public String toString() {
      return "EnrolRequest[" + node + ", " + url + "]";
    }
  }

  /** The center's answer to an enrolment. */
  public record EnrolAnswer(
      String node, String dataCenter, String credential, String grantKey, long heartbeatSeconds) {
    @Override
    public String toString() {
      return "EnrolAnswer[" + node + " in " + dataCenter + "]";
    }
  }

  /** A heartbeat's body: where the node answers, its targets and their latest probes. */
  public record Heartbeat(String url, List<HeartbeatTarget> targets) {}

  /** One target in a heartbeat; {@code kind} as the center's catalog names it. */
  public record HeartbeatTarget(String name, String kind, String location, HeartbeatProbe probe) {}

  /** A probe in a heartbeat; -1 where something was not measured. */
  public record HeartbeatProbe(
      String at,
      boolean reachable,
      long totalBytes,
      long freeBytes,
      long probeBytes,
      boolean dataPathTested,
      boolean verified,
      long writeMillis,
      long readMillis,
      String detail) {}

  /**
   * Enrols {@code node} with {@code token} at {@code center}, answering at {@code url}. The token
   * is spent by the center whatever follows.
   */
  public NodeEnrolment enrol(URI center, String token, String node, String url)
      throws IOException, CenterRefusal, InterruptedException {
    URI base = NodeEnrolment.normalise(center);
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("api/v1/node-enrolments"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    json.toJson(new EnrolRequest(token, node, url))))
            .build();
    HttpResponse<String> r = send(request);
    if (r.statusCode() == 201) {
      EnrolAnswer a;
      try {
        a = json.fromJson(r.body(), EnrolAnswer.class);
      } catch (JsonbException e) {
        throw new CenterRefusal(r.statusCode(), "the center's answer is not an enrolment");
      }
      if (a == null || a.credential() == null || a.grantKey() == null || a.dataCenter() == null) {
        throw new CenterRefusal(r.statusCode(), "the center's answer is not an enrolment");
      }
      return new NodeEnrolment(
          base,
          a.dataCenter(),
          a.node() == null ? node : a.node(),
          a.credential(),
          a.grantKey(),
          Duration.ofSeconds(Math.max(1, a.heartbeatSeconds())),
          clock.instant());
    }
    String problem = problem(r);
    throw switch (r.statusCode()) {
      case 400 ->
          problem.contains("token")
              ? new CenterRefusal(
                  400,
                  "the control center refused the enrolment token ("
                      + problem
                      + "): it is unknown, expired or used already; ask an administrator for a new"
                      + " one (POST /api/v1/data-centers/{id}/enrolment-tokens)")
              : new CenterRefusal(400, "the control center refused the enrolment: " + problem);
      case 404 ->
          new CenterRefusal(
              404, "no Strata control center API at " + base + " (" + r.uri() + " answered 404)");
      case 409 ->
          new CenterRefusal(
              409,
              "a storage node named '"
                  + node
                  + "' is enrolled already; choose another name (--name), or use the data"
                  + " directory it enrolled from ("
                  + problem
                  + ")");
      default ->
          new CenterRefusal(
              r.statusCode(),
              "the control center refused the enrolment (HTTP " + r.statusCode() + "): " + problem);
    };
  }

  /** Sends one heartbeat. */
  public void heartbeat(NodeEnrolment e, Heartbeat beat)
      throws IOException, CenterRefusal, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                e.center()
                    .resolve(
                        "api/v1/nodes/"
                            + URLEncoder.encode(e.node(), StandardCharsets.UTF_8)
                            + "/heartbeats"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + e.credential())
            .POST(HttpRequest.BodyPublishers.ofString(json.toJson(beat)))
            .build();
    HttpResponse<String> r = send(request);
    if (r.statusCode() / 100 == 2) {
      return;
    }
    String problem = problem(r);
    throw switch (r.statusCode()) {
      case 401, 403, 404 ->
          new CenterRefusal(
              r.statusCode(),
              "the control center does not know this node's credential (HTTP "
                  + r.statusCode()
                  + ": "
                  + problem
                  + "); was the node removed or the catalog replaced? A node enrols again from an"
                  + " empty data directory with a new token");
      default ->
          new CenterRefusal(
              r.statusCode(),
              "the control center refused the heartbeat (HTTP " + r.statusCode() + "): " + problem);
    };
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() >= 500 || r.statusCode() == 429) {
      throw new IOException(
          request.uri().resolve("/") + " answered HTTP " + r.statusCode() + ": " + problem(r));
    }
    return r;
  }

  /** A short account of a problem document (RFC 9457), or of whatever the body is. */
  @SuppressWarnings("unchecked")
  String problem(HttpResponse<String> r) {
    String body = r.body() == null ? "" : r.body().strip();
    try {
      if (body.startsWith("{")) {
        Map<String, Object> p = json.fromJson(body, Map.class);
        StringBuilder s = new StringBuilder();
        Object detail = p.getOrDefault("detail", p.get("title"));
        s.append(detail == null ? "HTTP " + r.statusCode() : detail.toString());
        if (p.get("errors") instanceof List<?> errors) {
          for (Object o : errors) {
            if (o instanceof Map<?, ?> m) {
              s.append("; ").append(m.get("field")).append(": ").append(m.get("message"));
            }
          }
        }
        return s.toString();
      }
    } catch (JsonbException e) {
      // not JSON after all: the body as it is
    }
    return body.length() > 200 ? body.substring(0, 200) + "..." : body;
  }
}
