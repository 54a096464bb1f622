package dev.strata.agent.center;

import dev.strata.agent.repo.RepositoryException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The agent's calls to the control center's API ({@code /api/v1/...}), authenticated with the
 * agent's API key. Answers are JSON; a problem answer becomes a {@link RepositoryException} with
 * the center's own words, a transport failure an {@link IOException} naming the center.
 */
public final class CenterClient {
  private final URI api;
  private final String key;
  private final HttpClient http;

  public CenterClient(URI center, String key, HttpClient http) {
    String s = center.toString();
    this.api = URI.create((s.endsWith("/") ? s : s + "/") + "api/v1/");
    this.key = key;
    this.http = http;
  }

  public static HttpClient defaultHttp() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  public HttpClient http() {
    return http;
  }

  public URI api() {
    return api;
  }

  /** Whether {@code o} has {@code key} with a value other than null. */
  public static boolean has(JsonObject o, String key) {
    return o.containsKey(key) && !o.isNull(key);
  }

  /** Percent-encodes one path segment or query value. */
  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(api.resolve(path))
        .timeout(Duration.ofMinutes(5))
        .header("Authorization", "Bearer " + key)
        .header("Accept", "application/json");
  }

  public JsonObject getObject(String path) throws IOException, RepositoryException {
    return (JsonObject) json(request(path).GET(), 200);
  }

  /** The answer of a GET, or empty when the center answers 404. */
  public Optional<JsonObject> find(String path) throws IOException, RepositoryException {
    HttpResponse<String> r = send(request(path).GET());
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of((JsonObject) expect(r, 200));
  }

  public JsonStructure post(String path, JsonStructure body, int... ok)
      throws IOException, RepositoryException {
    return json(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
        ok);
  }

  public JsonArray postForArray(String path, JsonStructure body)
      throws IOException, RepositoryException {
    return (JsonArray) post(path, body, 200);
  }

  public JsonObject postForObject(String path, JsonStructure body, int... ok)
      throws IOException, RepositoryException {
    return (JsonObject) post(path, body, ok);
  }

  private JsonStructure json(HttpRequest.Builder b, int... ok)
      throws IOException, RepositoryException {
    return expect(send(b), ok);
  }

  public HttpResponse<String> send(HttpRequest.Builder b) throws IOException {
    return send(b, HttpResponse.BodyHandlers.ofString());
  }

  public <T> HttpResponse<T> send(HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    HttpRequest request = b.build();
    try {
      return http.send(request, handler);
    } catch (ConnectException e) {
      URI u = request.uri();
      String where = u.getScheme() + "://" + u.getAuthority() + "/";
      throw new IOException(
          (u.getAuthority().equals(api.getAuthority()) ? "the control center at " : "")
              + where
              + " is unreachable ("
              + (e.getMessage() == null ? "connection refused" : e.getMessage())
              + ")",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted calling " + request.uri());
    }
  }

  /** The body as JSON when the status is one of {@code ok} (200 when none given). */
  public JsonStructure expect(HttpResponse<String> r, int... ok) throws RepositoryException {
    int[] accepted = ok.length == 0 ? new int[] {200} : ok;
    for (int s : accepted) {
      if (r.statusCode() == s) {
        String body = r.body();
        if (body == null || body.isBlank()) {
          return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = Json.createReader(new StringReader(body))) {
          return reader.read();
        } catch (RuntimeException e) {
          throw new RepositoryException(
              r.request().uri() + " answered " + r.statusCode() + " with no JSON");
        }
      }
    }
    throw failure(r.request().method(), r.request().uri(), r.statusCode(), r.body());
  }

  /** The center's problem answer in words. */
  public static RepositoryException failure(String method, URI uri, int status, String body) {
    String detail = null;
    if (body != null && body.startsWith("{")) {
      try (var reader = Json.createReader(new StringReader(body))) {
        JsonObject p = reader.readObject();
        detail = p.getString("detail", p.getString("title", null));
      } catch (RuntimeException e) {
        detail = null;
      }
    }
    if (status == 401) {
      return new RepositoryException(
          "the control center refused the API key (401): check STRATA_API_KEY or --key-file");
    }
    String what =
        detail != null
            ? detail
            : body == null || body.isBlank()
                ? "no details"
                : body.substring(0, Math.min(200, body.length()));
    return new RepositoryException(
        method + " " + uri.getPath() + " answered " + status + ": " + what);
  }

  /** Reads a whole body of at most {@code max} bytes. */
  static byte[] readAll(InputStream in, int max) throws IOException {
    byte[] b = in.readNBytes(max + 1);
    if (b.length > max) {
      throw new IOException("answer larger than " + max + " bytes");
    }
    return b;
  }
}
