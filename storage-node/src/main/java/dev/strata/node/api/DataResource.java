package dev.strata.node.api;

import dev.strata.disk.PackStore;
import dev.strata.format.grant.GrantOperation;
import dev.strata.format.repo.PackVerifier;
import dev.strata.node.access.AccessDenied;
import dev.strata.node.access.GrantChecker;
import dev.strata.node.packs.PackCopier;
import dev.strata.node.packs.PackId;
import dev.strata.node.packs.TenantId;
import dev.strata.node.packs.TenantPacks;
import dev.strata.node.tape.TapeCopy;
import dev.strata.node.tape.TapeService;
import dev.strata.node.tape.TapeStaging;
import dev.strata.node.targets.Target;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node's data tasks on one tenant's packs that the center (or a job it runs) asks for: copies
 * to another target or node, staging for tape and the state of tape copies, recalls, read-back
 * verification.
 */
@Path("/v1/tenants/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class DataResource {
  private final GrantChecker grants;
  private final TenantPacks landing;
  private final PackCopier copier;
  private final TapeService tape;
  private final Map<String, Target> targets;
  private final java.nio.file.Path recallScratch;

  public DataResource(
      GrantChecker grants,
      TenantPacks landing,
      PackCopier copier,
      TapeService tape,
      Map<String, Target> targets,
      java.nio.file.Path recallScratch) {
    this.grants = grants;
    this.landing = landing;
    this.copier = copier;
    this.tape = tape;
    this.targets = targets;
    this.recallScratch = recallScratch;
  }

  private static List<PackId> ids(List<String> packs) {
    if (packs == null || packs.isEmpty()) {
      throw BadRequest.of("name at least one pack: {\"packs\": [\"<sha256>\", ...]}");
    }
    if (packs.size() > 10_000) {
      throw BadRequest.of("at most 10000 packs per call");
    }
    return packs.stream().map(PackId::of).toList();
  }

  /**
   * Copy packs to a target of this node ({@code target}) or to another node ({@code node}, its base
   * URL, with a {@code grant} for that node that allows PACK_WRITE).
   */
  public record CopyRequest(List<String> packs, String target, String node, String grant) {}

  public record CopyResult(List<PackCopier.Copied> copies) {}

  @POST
  @Path("copies")
  public CopyResult copy(
      @PathParam("tenant") String tenantName,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      CopyRequest req)
      throws AccessDenied, IOException, InterruptedException {
    TenantId tenant = TenantId.of(tenantName);
    grants.check(authorization, GrantOperation.PACK_COPY, Optional.of(tenant));
    if (req == null || (req.target() == null) == (req.node() == null)) {
      throw BadRequest.of("name either a target of this node or another node (with its grant)");
    }
    List<PackId> packs = ids(req.packs());
    List<PackCopier.Copied> out = new ArrayList<>();
    if (req.target() != null) {
      Target t = targets.get(req.target());
      if (t == null || t.store().isEmpty()) {
        throw BadRequest.of("this node has no disk or bucket target '" + req.target() + "'");
      }
      PackStore store = t.store().get().store();
      for (PackId p : packs) {
        out.add(copier.toStore(tenant, p, store));
      }
    } else {
      if (req.grant() == null || req.grant().isBlank()) {
        throw BadRequest.of("a copy to another node needs that node's grant");
      }
      URI node = URI.create(req.node().endsWith("/") ? req.node() : req.node() + "/");
      if (!"http".equals(node.getScheme()) && !"https".equals(node.getScheme())) {
        throw BadRequest.of("a node is reached over http: or https:");
      }
      for (PackId p : packs) {
        out.add(copier.toNode(tenant, p, node, req.grant()));
      }
    }
    return new CopyResult(out);
  }

  /** Packs to stage for a pool. */
  public record StageRequest(List<String> packs) {}

  public record Staged(String pack, String pool, long length, String stagedAt) {}

  @POST
  @Path("tape/pools/{pool}/staged")
  public List<Staged> stage(
      @PathParam("tenant") String tenantName,
      @PathParam("pool") String pool,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      StageRequest req)
      throws AccessDenied, IOException {
    TenantId tenant = TenantId.of(tenantName);
    grants.check(authorization, GrantOperation.TAPE_WRITE, Optional.of(tenant));
    TapeStaging.checkPool(pool);
    if (!tape.hasLibraries()) {
      throw new BadRequest(409, "no-tape", "No tape", "this node has no tape library");
    }
    List<Staged> out = new ArrayList<>();
    for (PackId p : ids(req == null ? null : req.packs())) {
      var s = tape.stage(landing, tenant, p, pool);
      out.add(new Staged(p.value(), pool, s.length(), s.stagedAt().toString()));
    }
    return out;
  }

  /** One piece of a tape copy, as the catalog records it. */
  public record PieceView(
      String library,
      String barcode,
      int file,
      long block,
      long offset,
      long length,
      long packLength) {
    static PieceView of(TapeCopy c) {
      return new PieceView(
          c.library(), c.barcode(), c.file(), c.block(), c.offset(), c.length(), c.packLength());
    }
  }

  /** One journalled piece of a tape copy, with its cursor. */
  public record JournalledPiece(
      long sequence,
      String pack,
      String pool,
      String library,
      String barcode,
      int file,
      long block,
      long offset,
      long length,
      long packLength) {}

  /**
   * The pieces of this tenant's packs the node wrote to tape (and flushed), in the order it did,
   * after the cursor {@code after} (the last {@code sequence} the caller saw; -1 to start): how the
   * center's catalog learns every copy's barcode, tape file and block without asking pack by pack.
   */
  @GET
  @Path("tape/copies")
  public List<JournalledPiece> tapeCopies(
      @PathParam("tenant") String tenantName,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @jakarta.ws.rs.QueryParam("after") @jakarta.ws.rs.DefaultValue("-1") long after,
      @jakarta.ws.rs.QueryParam("limit") @jakarta.ws.rs.DefaultValue("1000") int limit)
      throws AccessDenied {
    TenantId tenant = TenantId.of(tenantName);
    grants.check(authorization, GrantOperation.TAPE_WRITE, Optional.of(tenant));
    if (limit < 1 || limit > 10_000) {
      throw BadRequest.of("limit is 1 to 10000");
    }
    return tape.journal().since(tenant, after, limit).stream()
        .map(
            e ->
                new JournalledPiece(
                    e.sequence(),
                    e.copy().pack().value(),
                    e.copy().pool(),
                    e.copy().library(),
                    e.copy().barcode(),
                    e.copy().file(),
                    e.copy().block(),
                    e.copy().offset(),
                    e.copy().length(),
                    e.copy().packLength()))
        .toList();
  }

  /** Where a pack stands on tape in a pool: STAGED, WRITTEN (with its pieces) or UNKNOWN. */
  public record OnTape(String pack, String pool, String state, List<PieceView> pieces) {}

  @GET
  @Path("tape/pools/{pool}/packs/{pack}")
  public OnTape onTape(
      @PathParam("tenant") String tenantName,
      @PathParam("pool") String pool,
      @PathParam("pack") String pack,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization)
      throws AccessDenied, IOException {
    TenantId tenant = TenantId.of(tenantName);
    grants.check(authorization, GrantOperation.TAPE_WRITE, Optional.of(tenant));
    TapeService.PackOnTape t = tape.status(tenant, PackId.of(pack), TapeStaging.checkPool(pool));
    return new OnTape(pack, pool, t.state(), t.pieces().stream().map(PieceView::of).toList());
  }

  public record RecallRequest(List<String> packs) {}

  @POST
  @Path("recalls")
  public TapeService.Recalled recall(
      @PathParam("tenant") String tenantName,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      RecallRequest req)
      throws AccessDenied, IOException {
    TenantId tenant = TenantId.of(tenantName);
    grants.check(authorization, GrantOperation.TAPE_RECALL, Optional.of(tenant));
    return tape.recall(landing, recallScratch, tenant, ids(req == null ? null : req.packs()));
  }

  /** Which pack, and which copy of it to read back: "landing", a target name, or "tape:POOL". */
  public record VerifyRequest(String pack, String copy) {}

  public record Verified(
      String pack,
      String copy,
      boolean found,
      boolean ok,
      String sha256,
      String signer,
      String problem) {}

  @POST
  @Path("verifications")
  public Verified verify(
      @PathParam("tenant") String tenantName,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      VerifyRequest req)
      throws AccessDenied, IOException {
    TenantId tenant = TenantId.of(tenantName);
    grants.check(authorization, GrantOperation.VERIFY, Optional.of(tenant));
    if (req == null || req.pack() == null) {
      throw BadRequest.of(
          "the body is {\"pack\": \"<sha256>\", \"copy\": \"landing|TARGET|tape:POOL\"}");
    }
    PackId pack = PackId.of(req.pack());
    String copy = req == null || req.copy() == null ? "landing" : req.copy();
    Optional<PackVerifier.Result> r;
    if (copy.startsWith("tape:")) {
      r = tape.verify(tenant, pack, TapeStaging.checkPool(copy.substring(5)));
    } else {
      TenantPacks store;
      if (copy.equals("landing")) {
        store = landing;
      } else {
        Target t = targets.get(copy);
        if (t == null || t.store().isEmpty()) {
          throw BadRequest.of("no copy '" + copy + "': use landing, a target name, or tape:POOL");
        }
        store = new TenantPacks(t.store().get().store());
      }
      r = readBack(store, tenant, pack);
    }
    if (r.isEmpty()) {
      return new Verified(pack.value(), copy, false, false, null, null, "no such copy");
    }
    PackVerifier.Result v = r.get();
    String sha = PackId.of(v.sha256()).value();
    boolean named = sha.equals(pack.value());
    return new Verified(
        pack.value(),
        copy,
        true,
        v.ok() && named,
        sha,
        v.signer().map(Object::toString).orElse(null),
        v.problem().orElse(named ? null : "the copy's SHA-256 is not its name"));
  }

  private static Optional<PackVerifier.Result> readBack(TenantPacks store, TenantId t, PackId p)
      throws IOException {
    var info = store.stat(t, p);
    if (info.isEmpty()) {
      return Optional.empty();
    }
    PackVerifier v = new PackVerifier(info.get().length());
    try (InputStream in = store.open(t, p)) {
      byte[] buf = new byte[1 << 20];
      for (int n; (n = in.read(buf)) > 0; ) {
        v.update(buf, 0, n);
      }
    }
    return Optional.of(v.finish());
  }
}
