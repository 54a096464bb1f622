package dev.strata.node.api;

import dev.strata.disk.PackInfo;
import dev.strata.format.grant.Grant;
import dev.strata.format.grant.GrantOperation;
import dev.strata.node.access.AccessDenied;
import dev.strata.node.access.GrantChecker;
import dev.strata.node.packs.PackId;
import dev.strata.node.packs.PackReceiver;
import dev.strata.node.packs.PackRefused;
import dev.strata.node.packs.Receipt;
import dev.strata.node.packs.TenantId;
import dev.strata.node.packs.TenantPacks;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Packs of one tenant: upload ({@code PUT}, verified and durable before the answer), download
 * (whole or one byte range), existence ({@code HEAD}, and {@code POST .../query} for many at once,
 * which the agent uses to deduplicate without downloading).
 */
@Path("/v1/tenants/{tenant}/packs")
public final class PackResource {
  /** At most this many ids per query. */
  static final int MAX_QUERY = 10_000;

  private final GrantChecker grants;
  private final TenantPacks packs;
  private final PackReceiver receiver;

  public PackResource(GrantChecker grants, TenantPacks packs, PackReceiver receiver) {
    this.grants = grants;
    this.packs = packs;
    this.receiver = receiver;
  }

  /** The answer to a PUT. */
  public record Stored(String pack, long length, boolean created, String signer) {}

  @PUT
  @Path("{pack}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response put(
      @PathParam("tenant") String tenantName,
      @PathParam("pack") String packName,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
      InputStream body)
      throws AccessDenied, PackRefused, IOException {
    try {
      return receive(tenantName, packName, authorization, contentLength, body);
    } finally {
      // Whatever was refused or failed before the body was read: read the rest, so that the answer
      // reaches a client still sending (the JDK server would otherwise drop the connection).
      drain(body);
    }
  }

  private Response receive(
      String tenantName,
      String packName,
      String authorization,
      String contentLength,
      InputStream body)
      throws AccessDenied, PackRefused, IOException {
    TenantId tenant = TenantId.of(tenantName);
    Grant grant = grants.check(authorization, GrantOperation.PACK_WRITE, Optional.of(tenant));
    PackId pack = PackId.of(packName);
    if (contentLength == null) {
      throw new BadRequest(
          411, "length-required", "Length required", "a pack upload needs a Content-Length");
    }
    long length;
    try {
      length = Long.parseLong(contentLength.strip());
    } catch (NumberFormatException e) {
      throw BadRequest.of("Content-Length is not a number");
    }
    if (length > PackReceiver.MAX_PACK) {
      throw new BadRequest(
          413, "pack-too-large", "Pack too large", "a pack is smaller than 2 GiB (format v1)");
    }
    Receipt r = receiver.receive(tenant, pack, length, grant::trustsSigner, body);
    return Response.status(r.created() ? 201 : 200)
        .entity(new Stored(r.pack().value(), r.length(), r.created(), r.signer().orElse(null)))
        .build();
  }

  private static void drain(InputStream body) {
    try {
      byte[] skip = new byte[64 << 10];
      long left = PackReceiver.MAX_PACK;
      for (int n; left > 0 && (n = body.read(skip)) > 0; ) {
        left -= n;
      }
    } catch (IOException e) {
      // the client went away: nothing to answer
    }
  }

  @HEAD
  @Path("{pack}")
  public Response head(
      @PathParam("tenant") String tenantName,
      @PathParam("pack") String packName,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization)
      throws AccessDenied, IOException {
    TenantId tenant = TenantId.of(tenantName);
    grants.check(authorization, GrantOperation.PACK_LIST, Optional.of(tenant));
    Optional<PackInfo> info = packs.stat(tenant, PackId.of(packName));
    if (info.isEmpty()) {
      return Response.status(404).build();
    }
    return Response.ok()
        .header("Strata-Pack-Length", info.get().length())
        .header("Accept-Ranges", "bytes")
        .build();
  }

  @GET
  @Path("{pack}")
  @Produces({MediaType.APPLICATION_OCTET_STREAM, Problem.MEDIA_TYPE})
  public Response get(
      @PathParam("tenant") String tenantName,
      @PathParam("pack") String packName,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam("Range") String range)
      throws AccessDenied, IOException {
    TenantId tenant = TenantId.of(tenantName);
    grants.check(authorization, GrantOperation.PACK_READ, Optional.of(tenant));
    PackId pack = PackId.of(packName);
    PackInfo info =
        packs
            .stat(tenant, pack)
            .orElseThrow(
                () ->
                    new dev.strata.disk.StoreException.NoSuchPack(TenantPacks.name(tenant, pack)));
    long size = info.length();
    Optional<ByteRange> r = ByteRange.parse(range, size);
    if (r.isPresent() && r.get() == ByteRange.UNSATISFIABLE) {
      return Response.fromResponse(
              Problem.response(
                  416,
                  "range-not-satisfiable",
                  "Range not satisfiable",
                  "the pack has " + size + " bytes"))
          .header("Content-Range", "bytes */" + size)
          .build();
    }
    if (r.isEmpty()) {
      InputStream in = packs.open(tenant, pack);
      // No Content-Length: the JDK server then frames the stream itself (chunked).
      return Response.ok(copy(in), MediaType.APPLICATION_OCTET_STREAM)
          .header("Strata-Pack-Length", size)
          .header("Accept-Ranges", "bytes")
          .build();
    }
    ByteRange b = r.get();
    InputStream in = packs.open(tenant, pack, b.offset(), b.length());
    return Response.status(206)
        .entity(copy(in))
        .type(MediaType.APPLICATION_OCTET_STREAM)
        .header(
            "Content-Range",
            "bytes " + b.offset() + "-" + (b.offset() + b.length() - 1) + "/" + size)
        .header("Accept-Ranges", "bytes")
        .build();
  }

  private static StreamingOutput copy(InputStream in) {
    return out -> {
      try (in) {
        in.transferTo(out);
      }
    };
  }

  /** Which of these packs the node has. */
  public record Query(List<String> packs) {}

  /** One pack the node has. */
  public record Present(String pack, long length) {}

  /** The answer to a query: the packs present (with their sizes) and those missing. */
  public record QueryResult(List<Present> present, List<String> missing) {}

  @POST
  @Path("query")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public QueryResult query(
      @PathParam("tenant") String tenantName,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      Query query)
      throws AccessDenied, IOException {
    TenantId tenant = TenantId.of(tenantName);
    grants.check(authorization, GrantOperation.PACK_LIST, Optional.of(tenant));
    if (query == null || query.packs() == null) {
      throw BadRequest.of("the body is {\"packs\": [\"<sha256>\", ...]}");
    }
    if (query.packs().size() > MAX_QUERY) {
      throw BadRequest.of("at most " + MAX_QUERY + " packs per query");
    }
    List<Present> present = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String id : query.packs()) {
      PackId p = PackId.of(id);
      Optional<PackInfo> info = packs.stat(tenant, p);
      if (info.isPresent()) {
        present.add(new Present(p.value(), info.get().length()));
      } else {
        missing.add(p.value());
      }
    }
    return new QueryResult(present, missing);
  }
}
