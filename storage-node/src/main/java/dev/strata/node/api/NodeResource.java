package dev.strata.node.api;

import dev.strata.format.grant.GrantOperation;
import dev.strata.node.access.AccessDenied;
import dev.strata.node.access.GrantChecker;
import dev.strata.node.tape.DriveStats;
import dev.strata.node.tape.StagedPack;
import dev.strata.node.tape.TapeService;
import dev.strata.node.tape.TapeStaging;
import dev.strata.node.targets.Target;
import dev.strata.node.targets.TargetProbe;
import dev.strata.node.targets.TargetProber;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node as the center sees it: identity, targets with their latest probes (and a probe on
 * demand), drives with their streaming figures, the tape tasks waiting, and a flush of a pool.
 */
@Path("/v1/node")
@Produces(MediaType.APPLICATION_JSON)
public final class NodeResource {
  private final GrantChecker grants;
  private final String dataCenter;
  private final String node;
  private final Map<String, Target> targets;
  private final TargetProber prober;
  private final TapeService tape;

  public NodeResource(
      GrantChecker grants,
      String dataCenter,
      String node,
      Map<String, Target> targets,
      TargetProber prober,
      TapeService tape) {
    this.grants = grants;
    this.dataCenter = dataCenter;
    this.node = node;
    this.targets = targets;
    this.prober = prober;
    this.tape = tape;
  }

  public record TargetView(String name, String kind, String location, TargetProbe probe) {}

  public record NodeView(
      String node, String dataCenter, String version, List<TargetView> targets) {}

  private List<TargetView> views() {
    return targets.values().stream()
        .map(
            t ->
                new TargetView(
                    t.name(), t.kind().name(), t.location(), prober.latest(t.name()).orElse(null)))
        .toList();
  }

  @GET
  public NodeView self(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization)
      throws AccessDenied {
    grants.check(authorization, GrantOperation.NODE_READ, Optional.empty());
    return new NodeView(node, dataCenter, "1", views());
  }

  @GET
  @Path("targets")
  public List<TargetView> targets(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization)
      throws AccessDenied {
    grants.check(authorization, GrantOperation.NODE_READ, Optional.empty());
    return views();
  }

  @POST
  @Path("targets/{name}/probes")
  public TargetProbe probe(
      @PathParam("name") String name, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization)
      throws AccessDenied {
    grants.check(authorization, GrantOperation.NODE_READ, Optional.empty());
    Target t = targets.get(name);
    if (t == null) {
      throw new BadRequest(404, "no-such-target", "No such target", "no target '" + name + "'");
    }
    return prober.probe(t);
  }

  public record StagedView(String tenant, String pack, String pool, long length, String stagedAt) {
    static StagedView of(StagedPack s) {
      return new StagedView(
          s.tenant().value(), s.pack().value(), s.pool(), s.length(), s.stagedAt().toString());
    }
  }

  public record TapeView(
      List<DriveStats.View> drives,
      List<StagedView> staged,
      long batchBytes,
      String deadline,
      String lastError) {}

  @GET
  @Path("tape")
  public TapeView tape(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization)
      throws AccessDenied, IOException {
    grants.check(authorization, GrantOperation.NODE_READ, Optional.empty());
    return tapeView();
  }

  private TapeView tapeView() throws IOException {
    return new TapeView(
        tape.stats().views(),
        tape.staging().pending().stream().map(StagedView::of).toList(),
        tape.governor().batchBytes(),
        tape.governor().deadline().toString(),
        tape.lastError());
  }

  @POST
  @Path("tape/pools/{pool}/flush")
  public TapeView flush(
      @PathParam("pool") String pool, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization)
      throws AccessDenied, IOException {
    grants.check(authorization, GrantOperation.TAPE_WRITE, Optional.empty());
    tape.flush(TapeStaging.checkPool(pool));
    return tapeView();
  }
}
