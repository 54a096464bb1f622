package dev.strata.node.access;

import dev.strata.format.grant.Grant;
import dev.strata.format.grant.GrantKeyId;
import dev.strata.format.grant.GrantOperation;
import dev.strata.format.grant.Grants;
import dev.strata.format.grant.InvalidGrantException;
import dev.strata.format.repo.PublicKey;
import dev.strata.node.packs.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a call's grant without calling the center: signature by one of the issuer keys this node
 * was configured with, validity at the node's clock (with a small allowance for clock skew), a
 * lifetime no longer than the node accepts, this node and data center, the operation, and the
 * tenant whose packs the call touches.
 */
public final class GrantChecker {
  /** Clocks of the center and the node may differ by this much. */
  static final Duration SKEW = Duration.ofMinutes(2);

  private final Map<GrantKeyId, PublicKey> issuers;
  private final String dataCenter;
  private final String node;
  private final Duration maxLifetime;
  private final Clock clock;

  public GrantChecker(
      List<PublicKey> issuerKeys,
      String dataCenter,
      String node,
      Duration maxLifetime,
      Clock clock) {
    this.issuers = new ConcurrentHashMap<>();
    issuerKeys.forEach(this::trust);
    this.dataCenter = dataCenter;
    this.node = node;
    this.maxLifetime = maxLifetime;
    this.clock = clock;
  }

  /**
   * Accepts grants signed by {@code issuer} from now on (a node learns its center's at enrolment).
   */
  public void trust(PublicKey issuer) {
    issuers.putIfAbsent(GrantKeyId.of(issuer), issuer);
  }

  /**
   * The grant in {@code authorization} (an HTTP {@code Authorization} header value, {@code Bearer
   * sgt1.…}), if it allows {@code op} on this node for {@code tenant} (empty for node-wide calls).
   */
  public Grant check(String authorization, GrantOperation op, Optional<TenantId> tenant)
      throws AccessDenied {
    if (authorization == null || authorization.isBlank()) {
      throw AccessDenied.noValidGrant("this call needs a grant: Authorization: Bearer sgt1...");
    }
    String token = authorization.strip();
    if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = token.substring(7).strip();
    } else {
      throw AccessDenied.noValidGrant("the Authorization header must be 'Bearer <grant>'");
    }
    Grant g;
    try {
      g = Grants.read(token, id -> Optional.ofNullable(issuers.get(id)));
    } catch (InvalidGrantException e) {
      throw AccessDenied.noValidGrant(e.getMessage());
    }
    Instant now = clock.instant();
    if (now.isAfter(g.expiresAt())) {
      throw AccessDenied.noValidGrant("the grant expired at " + g.expiresAt());
    }
    if (now.plus(SKEW).isBefore(g.issuedAt())) {
      throw AccessDenied.noValidGrant("the grant is not valid before " + g.issuedAt());
    }
    if (Duration.between(g.issuedAt(), g.expiresAt()).compareTo(maxLifetime) > 0) {
      throw AccessDenied.noValidGrant(
          "the grant lives longer than this node accepts (" + maxLifetime + ")");
    }
    if (!g.dataCenter().equals(dataCenter) || (!g.node().isEmpty() && !g.node().equals(node))) {
      throw AccessDenied.notCovered(
          "the grant is for "
              + (g.node().isEmpty() ? "data center " + g.dataCenter() : "node " + g.node())
              + ", not this node ("
              + node
              + " in "
              + dataCenter
              + ")");
    }
    if (!g.allows(op)) {
      throw AccessDenied.notCovered("the grant does not allow " + op);
    }
    if (tenant.isPresent() && !g.tenant().equals(tenant.get().value())) {
      throw AccessDenied.notCovered("the grant does not cover tenant " + tenant.get());
    }
    return g;
  }
}
