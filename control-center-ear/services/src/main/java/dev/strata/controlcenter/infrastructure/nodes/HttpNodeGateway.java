package dev.strata.controlcenter.infrastructure.nodes;

import dev.strata.controlcenter.application.NodeGateway;
import dev.strata.pool.TenantId;
import dev.strata.pool.catalog.PackHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The storage nodes' API ({@code docs/node-api.md}) over HTTP, with the center's own grants. */
@ApplicationScoped
public class HttpNodeGateway implements NodeGateway {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  @Override
  public Map<PackHash, Long> present(
      URI node, String grant, TenantId tenant, Collection<PackHash> packs) {
    Map<PackHash, Long> out = new HashMap<>();
    if (packs.isEmpty()) {
      return out;
    }
    JsonArrayBuilder list = Json.createArrayBuilder();
    packs.forEach(p -> list.add(p.hex()));
    HttpRequest request =
        HttpRequest.newBuilder(node.resolve("v1/tenants/" + tenant.value() + "/packs/query"))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + grant)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Json.createObjectBuilder().add("packs", list).build().toString()))
            .build();
    JsonObject answer = call(request);
    for (JsonValue v : answer.getJsonArray("present")) {
      JsonObject p = v.asJsonObject();
      out.put(PackHash.of(p.getString("pack")), p.getJsonNumber("length").longValue());
    }
    return out;
  }

  private JsonObject call(HttpRequest request) {
    HttpResponse<String> r;
    try {
      r = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new NodeUnavailableException(request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeUnavailableException(request.uri() + ": interrupted", e);
    }
    if (r.statusCode() != 200) {
      throw new NodeUnavailableException(
          request.uri() + " answered " + r.statusCode() + ": " + abbreviate(r.body()), null);
    }
    try (var reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new NodeUnavailableException(request.uri() + " answered no JSON object", e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
