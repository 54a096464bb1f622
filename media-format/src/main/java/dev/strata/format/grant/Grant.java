package dev.strata.format.grant;

import dev.strata.format.repo.PublicKey;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a grant says (the signed content of a token; see {@link Grants} for the bytes).
 *
 * @param issuer the key that signs it
 * @param issuedAt when the center issued it
 * @param expiresAt after this instant no node accepts it
 * @param tenant the tenant whose packs it covers; empty only for a grant of {@link
 *     GrantOperation#NODE_READ} alone
 * @param session the backup session or job it was issued for (for audit; may be empty)
 * @param dataCenter the data center whose node accepts it
 * @param node the one node that accepts it, or empty for any node of the data center
 * @param operations what it allows
 * @param signers the pack signing keys whose packs it allows to write (empty: none)
 */
public record Grant(
    GrantKeyId issuer,
    Instant issuedAt,
    Instant expiresAt,
    String tenant,
    String session,
    String dataCenter,
    String node,
    Set<GrantOperation> operations,
    List<PublicKey> signers) {

  /** Keeps a token small enough for an HTTP header (64 keys: about 2.8 KB of base64). */
  public static final int MAX_SIGNERS = 64;

  /** Tenant, data center and node names: what the catalog allows as identifiers. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  public Grant {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(session, "session");
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException("a grant must expire after it is issued");
    }
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("a grant allows at least one operation");
    }
    operations = Set.copyOf(EnumSet.copyOf(operations));
    signers = List.copyOf(signers);
    if (tenant.isEmpty()) {
      if (!operations.equals(Set.of(GrantOperation.NODE_READ))) {
        throw new IllegalArgumentException("only a NODE_READ grant may name no tenant");
      }
    } else if (!NAME.matcher(tenant).matches()) {
      throw new IllegalArgumentException("invalid tenant '" + tenant + "'");
    }
    if (!NAME.matcher(dataCenter).matches()) {
      throw new IllegalArgumentException("invalid data center '" + dataCenter + "'");
    }
    if (!node.isEmpty() && !NAME.matcher(node).matches()) {
      throw new IllegalArgumentException("invalid node '" + node + "'");
    }
    if (session.length() > 200) {
      throw new IllegalArgumentException("a session id has at most 200 characters");
    }
    if (signers.size() > MAX_SIGNERS) {
      throw new IllegalArgumentException("a grant names at most " + MAX_SIGNERS + " signer keys");
    }
  }

  public boolean allows(GrantOperation op) {
    return operations.contains(op);
  }

  public boolean trustsSigner(PublicKey key) {
    return signers.contains(key);
  }
}
