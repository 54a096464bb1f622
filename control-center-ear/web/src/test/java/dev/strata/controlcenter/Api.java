package dev.strata.controlcenter;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the control center's API, for black-box tests. */
public final class Api {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI root;
  private final String authorization;

  /** A client without credentials. */
  public Api(URI root) {
    this(root, null);
  }

  /** A client that sends {@code authorization} as the Authorization header of every request. */
  public Api(URI root, String authorization) {
    this.root = root;
    this.authorization = authorization;
  }

  /** The same server with other credentials ({@code null}: none). */
  public Api as(String authorization) {
    return new Api(root, authorization);
  }

  public static String bearer(String token) {
    return "Bearer " + token;
  }

  public static String basic(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A response with its body parsed as JSON when it is JSON. */
  public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
    public JsonObject json() {
      return (JsonObject) parse();
    }

    public JsonArray array() {
      return (JsonArray) parse();
    }

    private JsonStructure parse() {
      try (var r = Json.createReader(new StringReader(body))) {
        return r.read();
      }
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(root.resolve(path)).GET());
  }

  public Reply post(String path, String json) {
    return send(
        HttpRequest.newBuilder(root.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply put(String path, String json, String ifMatch) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(root.resolve(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json));
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    return send(b);
  }

  /**
   * Sends a request as raw bytes over a socket, for what {@link HttpClient} will not send: a
   * foreign {@code Host}, a chunked body of a chosen size. {@code head} is the request line and
   * header lines without the final blank line.
   */
  public Reply raw(String head, byte[] body) {
    try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
      socket.setSoTimeout(60_000);
      var out = socket.getOutputStream();
      String auth = authorization == null ? "" : "\r\nAuthorization: " + authorization;
      out.write(
          (head + auth + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        try {
          out.write(body);
        } catch (IOException e) {
          // the server may answer and close before reading it all (413)
        }
      }
      out.flush();
      byte[] answer = socket.getInputStream().readAllBytes();
      String text = new String(answer, StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, split).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, java.util.List<String>> headers =
          new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers
            .computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new java.util.ArrayList<>())
            .add(lines[i].substring(colon + 1).strip());
      }
      String rest = text.substring(split + 4);
      if ("chunked"
          .equalsIgnoreCase(
              headers.getOrDefault("Transfer-Encoding", java.util.List.of("")).get(0))) {
        rest = dechunk(rest);
      }
      return new Reply(status, headers, rest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String dechunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int eol = body.indexOf("\r\n", at);
      int size = Integer.parseInt(body.substring(at, eol).split(";")[0].strip(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(body, eol + 2, eol + 2 + size);
      at = eol + 2 + size + 2;
    }
  }

  /** The {@code Host} this client sends for the server. */
  public String host() {
    return root.getHost() + ":" + root.getPort();
  }

  /** PUTs raw bytes as {@code application/octet-stream} (repository objects). */
  public Reply putBytes(String path, byte[] body) {
    return send(
        HttpRequest.newBuilder(root.resolve(path))
            .header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Reply delete(String path) {
    return send(HttpRequest.newBuilder(root.resolve(path)).DELETE());
  }

  public Reply send(HttpRequest.Builder request) {
    if (authorization != null) {
      request.setHeader("Authorization", authorization);
    }
    try {
      HttpResponse<String> r =
          http.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
