package dev.strata.pool.identity;

import dev.strata.pool.Text;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * A revocable credential of one principal. The catalog keeps only the hash of its secret, shown
 * once when the key is issued; it records when the key was last used.
 */
public class ApiKey {
  public static final int MAX_LABEL = 120;

  private String id;
  private String principalName;
  private String secretHash;
  private String label;
  private Instant createdAt;
  private Instant lastUsedAt;
  private Instant revokedAt;
  private long version;

  /** For the persistence mapping only. */
  protected ApiKey() {}

  /** Records a key issued to {@code owner} as {@code token}. */
  public static ApiKey issue(Principal owner, ApiKeyToken token, String label, Instant now) {
    ApiKey k = new ApiKey();
    k.id = token.keyId();
    k.principalName = owner.name().value();
    k.secretHash = token.secretHash();
    k.label = Text.optional("label", label, MAX_LABEL);
    k.createdAt = now;
    return k;
  }

  /** Whether {@code token} is this key's and the key still works (compared in constant time). */
  public boolean accepts(ApiKeyToken token) {
    return revokedAt == null
        && token.keyId().equals(id)
        && MessageDigest.isEqual(
            token.secretHash().getBytes(StandardCharsets.US_ASCII),
            secretHash.getBytes(StandardCharsets.US_ASCII));
  }

  public void markUsed(Instant now) {
    lastUsedAt = now;
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public String id() {
    return id;
  }

  public PrincipalName owner() {
    return new PrincipalName(principalName);
  }

  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> lastUsedAt() {
    return Optional.ofNullable(lastUsedAt);
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }

  public long version() {
    return version;
  }
}
