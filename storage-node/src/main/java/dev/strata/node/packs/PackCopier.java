package dev.strata.node.packs;

import dev.strata.disk.PackInfo;
import dev.strata.disk.PackStore;
import dev.strata.disk.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Copies packs from the landing store to another of the node's stores (a second disk, a bucket) or
 * to another node. A store checks length and SHA-256 of what it is given; another node verifies the
 * pack exactly as any upload (its own grant, its own signature check), so a copy is verified on
 * arrival in both cases. Each copy is idempotent: a destination that has the pack answers at once.
 */
public final class PackCopier {
  private final TenantPacks landing;
  private final HttpClient http;

  public PackCopier(TenantPacks landing, HttpClient http) {
    this.landing = landing;
    this.http = http;
  }

  /** The outcome of one pack's copy. */
  public record Copied(String pack, boolean ok, boolean created, String detail) {}

  public Copied toStore(TenantId tenant, PackId pack, PackStore target) throws IOException {
    PackInfo info = source(tenant, pack);
    Optional<PackInfo> there = target.stat(TenantPacks.name(tenant, pack));
    if (there.isPresent() && there.get().length() == info.length()) {
      return new Copied(pack.value(), true, false, "already there");
    }
    target.put(
        TenantPacks.name(tenant, pack),
        () -> landing.open(tenant, pack),
        info.length(),
        pack.sha256());
    return new Copied(pack.value(), true, true, "stored");
  }

  /**
   * PUTs the pack to {@code node} (its base URI) with {@code grant}, streaming from the landing
   * store with a fixed length.
   */
  public Copied toNode(TenantId tenant, PackId pack, URI node, String grant)
      throws IOException, InterruptedException {
    PackInfo info = source(tenant, pack);
    URI uri = node.resolve("v1/tenants/" + tenant.value() + "/packs/" + pack.value());
    HttpRequest req =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMinutes(30))
            .header("Authorization", "Bearer " + grant)
            .header("Content-Type", "application/octet-stream")
            .PUT(
                HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> {
                          try {
                            return landing.open(tenant, pack);
                          } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                          }
                        }),
                    info.length()))
            .build();
    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
    boolean ok = r.statusCode() == 200 || r.statusCode() == 201;
    return new Copied(
        pack.value(),
        ok,
        r.statusCode() == 201,
        ok ? "verified and stored by " + node : "refused with " + r.statusCode() + ": " + r.body());
  }

  private PackInfo source(TenantId tenant, PackId pack) throws IOException {
    return landing
        .stat(tenant, pack)
        .orElseThrow(() -> new StoreException.NoSuchPack(TenantPacks.name(tenant, pack)));
  }

  /** Opens the landing copy (used by read-back verification of the landing store). */
  public InputStream open(TenantId tenant, PackId pack) throws IOException {
    return landing.open(tenant, pack);
  }
}
