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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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
    JsonObject answer = call(request).asJsonObject();
    for (JsonValue v : answer.getJsonArray("present")) {
      JsonObject p = v.asJsonObject();
      out.put(PackHash.of(p.getString("pack")), p.getJsonNumber("length").longValue());
    }
    return out;
  }

  @Override
  public List<CopyOutcome> copyToTarget(
      URI node, String grant, TenantId tenant, List<PackHash> packs, String target) {
    return copies(
        post(
            node,
            grant,
            tenant,
            "copies",
            Json.createObjectBuilder().add("packs", hexes(packs)).add("target", target).build()));
  }

  @Override
  public List<CopyOutcome> copyToNode(
      URI node,
      String grant,
      TenantId tenant,
      List<PackHash> packs,
      URI destination,
      String destinationGrant) {
    return copies(
        post(
            node,
            grant,
            tenant,
            "copies",
            Json.createObjectBuilder()
                .add("packs", hexes(packs))
                .add("node", destination.toString())
                .add("grant", destinationGrant)
                .build()));
  }

  private static List<CopyOutcome> copies(JsonValue answer) {
    List<CopyOutcome> out = new ArrayList<>();
    for (JsonValue v : answer.asJsonObject().getJsonArray("copies")) {
      JsonObject c = v.asJsonObject();
      out.add(
          new CopyOutcome(
              PackHash.of(c.getString("pack")), c.getBoolean("ok"), c.getString("detail", "")));
    }
    return out;
  }

  @Override
  public void stageForTape(
      URI node, String grant, TenantId tenant, String pool, List<PackHash> packs) {
    post(
        node,
        grant,
        tenant,
        "tape/pools/" + pool + "/staged",
        Json.createObjectBuilder().add("packs", hexes(packs)).build());
  }

  @Override
  public TapeState tapeState(URI node, String grant, TenantId tenant, String pool, PackHash pack) {
    JsonObject s =
        call(HttpRequest.newBuilder(
                    node.resolve(
                        "v1/tenants/"
                            + tenant.value()
                            + "/tape/pools/"
                            + pool
                            + "/packs/"
                            + pack.hex()))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + grant)
                .GET()
                .build())
            .asJsonObject();
    List<TapePiece> pieces = new ArrayList<>();
    for (JsonValue v : s.getJsonArray("pieces")) {
      JsonObject p = v.asJsonObject();
      pieces.add(
          new TapePiece(
              p.getString("barcode"),
              p.getJsonNumber("file").longValue(),
              p.getJsonNumber("block").longValue(),
              p.getJsonNumber("offset").longValue(),
              p.getJsonNumber("length").longValue()));
    }
    return new TapeState("WRITTEN".equals(s.getString("state")), pieces);
  }

  @Override
  public Verification verify(URI node, String grant, TenantId tenant, PackHash pack, String copy) {
    JsonObject v =
        post(
                node,
                grant,
                tenant,
                "verifications",
                Json.createObjectBuilder().add("pack", pack.hex()).add("copy", copy).build())
            .asJsonObject();
    return new Verification(v.getBoolean("found"), v.getBoolean("ok"), v.getString("problem", ""));
  }

  @Override
  public Recall recall(URI node, String grant, TenantId tenant, List<PackHash> packs) {
    JsonObject a =
        post(
                node,
                grant,
                tenant,
                "recalls",
                Json.createObjectBuilder().add("packs", hexes(packs)).build())
            .asJsonObject();
    return new Recall(
        hashes(a.getJsonArray("packs")), hashes(a.getJsonArray("missing")), a.getInt("mounts"));
  }

  private static List<PackHash> hashes(jakarta.json.JsonArray a) {
    return a.getValuesAs(jakarta.json.JsonString.class).stream()
        .map(s -> PackHash.of(s.getString()))
        .toList();
  }

  @Override
  public long upload(
      URI node,
      String grant,
      TenantId tenant,
      PackHash pack,
      long length,
      java.io.InputStream body) {
    HttpRequest request =
        HttpRequest.newBuilder(
                node.resolve("v1/tenants/" + tenant.value() + "/packs/" + pack.hex()))
            .timeout(Duration.ofMinutes(30))
            .header("Authorization", "Bearer " + grant)
            .header("Content-Type", "application/octet-stream")
            .PUT(
                HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> body), length))
            .build();
    HttpResponse<String> r;
    try {
      r = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new NodeUnavailableException(request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeUnavailableException(request.uri() + ": interrupted", e);
    }
    if (r.statusCode() >= 400 && r.statusCode() < 500) {
      String detail = abbreviate(r.body());
      try (var reader = Json.createReader(new StringReader(r.body()))) {
        detail = reader.readObject().getString("detail", detail);
      } catch (RuntimeException e) {
        // not a problem document: the raw answer it is
      }
      throw new dev.strata.pool.InvalidValueException(
          "pack", "the storage node refused pack " + pack.hex() + ": " + detail);
    }
    if (r.statusCode() != 200 && r.statusCode() != 201) {
      throw new NodeUnavailableException(
          request.uri() + " answered " + r.statusCode() + ": " + abbreviate(r.body()), null);
    }
    try (var reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readObject().getJsonNumber("length").longValue();
    } catch (RuntimeException e) {
      throw new NodeUnavailableException(request.uri() + " answered no JSON object", e);
    }
  }

  private JsonValue post(URI node, String grant, TenantId tenant, String path, JsonObject body) {
    return call(
        HttpRequest.newBuilder(node.resolve("v1/tenants/" + tenant.value() + "/" + path))
            .timeout(Duration.ofMinutes(30))
            .header("Authorization", "Bearer " + grant)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  private static JsonArrayBuilder hexes(Collection<PackHash> packs) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    packs.forEach(p -> a.add(p.hex()));
    return a;
  }

  private JsonValue call(HttpRequest request) {
    HttpResponse<String> r;
    try {
      r = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new NodeUnavailableException(request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeUnavailableException(request.uri() + ": interrupted", e);
    }
    if (r.statusCode() != 200 && r.statusCode() != 201) {
      throw new NodeUnavailableException(
          request.uri() + " answered " + r.statusCode() + ": " + abbreviate(r.body()), null);
    }
    try (var reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      throw new NodeUnavailableException(request.uri() + " answered no JSON object", e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
