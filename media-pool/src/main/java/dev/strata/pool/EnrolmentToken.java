package dev.strata.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A one-time secret with which a storage node enrols in one data center. The center keeps only the
 * SHA-256 of its secret; the token is spent by the first enrolment and expires if unused. Its text
 * is {@code sen_<16 hex id>_<43 base64url secret>}.
 */
public class EnrolmentToken {
  /** How long an unused token stays valid. */
  public static final Duration LIFETIME = Duration.ofHours(24);

  private static final Pattern FORMAT = Pattern.compile("sen_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");

  private String id;
  private String dataCenterId;
  private String secretHash;
  private Instant createdAt;
  private Instant expiresAt;
  private Instant usedAt;
  private String usedBy;
  private long version;

  /** For the persistence mapping only. */
  protected EnrolmentToken() {}

  /** The id and secret of a token's text, when it is one. */
  public record Secret(String id, String secret) {
    public String text() {
      return "sen_" + id + "_" + secret;
    }

    /** Never the secret. */
    @Override
    public String toString() {
      return "EnrolmentToken.Secret[" + id + "]";
    }
  }

  public static Optional<Secret> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(text.strip());
    return m.matches() ? Optional.of(new Secret(m.group(1), m.group(2))) : Optional.empty();
  }

  /**
   * Records a token issued for {@code dataCenter}; {@code id} (16 hex digits) and {@code secret}
   * (43 base64url characters) come from a strong random source outside the domain.
   */
  public static EnrolmentToken issue(DataCenterId dataCenter, Secret token, Instant now) {
    if (parse(token.text()).isEmpty()) {
      throw new IllegalArgumentException("not an enrolment token's id and secret");
    }
    EnrolmentToken t = new EnrolmentToken();
    t.id = token.id();
    t.dataCenterId = Objects.requireNonNull(dataCenter, "dataCenter").value();
    t.secretHash = SecretHash.of(token.secret());
    t.createdAt = now;
    t.expiresAt = now.plus(LIFETIME);
    return t;
  }

  /**
   * Spends the token for {@code node}; refuses (as not valid, without saying why) a token that is
   * used, expired, or whose secret does not match.
   */
  public void redeem(Secret token, NodeName node, Instant now) {
    if (!SecretHash.matches(token.secret(), secretHash)
        || usedAt != null
        || !now.isBefore(expiresAt)) {
      throw new InvalidValueException("token", "the enrolment token is not valid (or was used)");
    }
    usedAt = now;
    usedBy = node.value();
  }

  public String id() {
    return id;
  }

  public DataCenterId dataCenterId() {
    return new DataCenterId(dataCenterId);
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Optional<Instant> usedAt() {
    return Optional.ofNullable(usedAt);
  }

  public Optional<NodeName> usedBy() {
    return Optional.ofNullable(usedBy).map(NodeName::new);
  }
}
