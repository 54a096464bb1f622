package dev.strata.node.api;

import dev.strata.disk.StoreException;
import dev.strata.node.access.AccessDenied;
import dev.strata.node.packs.PackRefused;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into a problem document: refusals with what the caller can do about them,
 * faults of the node with a generic text (the details go to the node's log, never to the caller).
 */
@Provider
public final class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    if (e instanceof AccessDenied d) {
      return d.unauthenticated()
          ? Response.fromResponse(
                  Problem.response(401, "no-valid-grant", "No valid grant", d.getMessage()))
              .header("WWW-Authenticate", "Bearer realm=\"strata-node\"")
              .build()
          : Problem.response(
              403, "grant-does-not-cover", "Not covered by the grant", d.getMessage());
    }
    if (e instanceof PackRefused r) {
      return r.reason() == PackRefused.Reason.SIGNER_NOT_GRANTED
          ? Problem.response(403, "signer-not-granted", "Pack signer not allowed", r.getMessage())
          : Problem.response(422, "pack-refused", "Pack refused", r.getMessage());
    }
    if (e instanceof StoreException.NoSuchPack) {
      return Problem.response(404, "no-such-pack", "No such pack", "this node has no such pack");
    }
    if (e instanceof BadRequest b) {
      return Problem.response(b.status(), b.type(), b.title(), b.getMessage());
    }
    if (e instanceof IllegalArgumentException) {
      return Problem.response(400, "bad-request", "Bad request", e.getMessage());
    }
    if (e instanceof WebApplicationException w) {
      int status = w.getResponse().getStatus();
      return Problem.response(
          status,
          status == 404 ? "not-found" : "http-" + status,
          w.getResponse().getStatusInfo().getReasonPhrase(),
          status == 404 ? "no such resource" : String.valueOf(w.getMessage()));
    }
    LOG.log(Level.WARNING, "request failed", e);
    return Problem.response(
        500, "node-fault", "Node fault", "the node failed to serve this request; see its log");
  }
}
