package dev.strata.pool.catalog;

import dev.strata.pool.AgentId;
import dev.strata.pool.InvalidValueException;
import dev.strata.pool.TenantId;
import dev.strata.pool.Text;
import dev.strata.pool.policy.PolicyName;
import dev.strata.pool.policy.PolicyRef;
import dev.strata.pool.policy.QosPolicy;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's protected source: what one agent backs up on one host under one name (for example
 * {@code laptop} or {@code /srv/db}), and the policy revision its copies were planned under. When
 * the policy gets a newer revision the set is {@linkplain #isOutdated outdated} until the lifecycle
 * has converged its copies and {@linkplain #planUnder planned it under} the new revision.
 */
public class BackupSet {
  public static final int MAX_NAME = 120;
  public static final int MAX_HOST = 255;

  private String id;
  private String tenantId;
  private String agentId;
  private String host;
  private String name;
  private String policyName;
  private int policyRevision;
  private Instant createdAt;
  private Instant updatedAt;
  private long version;

  /** For the persistence mapping only. */
  protected BackupSet() {}

  /**
   * A new backup set of {@code tenant}.
   *
   * @param agent the agent that backs it up, or {@code null} while none is enrolled
   * @param host the protected machine's host name, or {@code null}
   */
  public static BackupSet create(
      BackupSetId id,
      TenantId tenant,
      AgentId agent,
      String host,
      String name,
      PolicyRef policy,
      Instant now) {
    BackupSet s = new BackupSet();
    s.id = Objects.requireNonNull(id, "id").value();
    s.tenantId = Objects.requireNonNull(tenant, "tenant").value();
    s.agentId = agent == null ? null : agent.value();
    s.host = Text.optional("host", host, MAX_HOST);
    s.name = Text.required("name", name, MAX_NAME);
    if (policy == null) {
      throw new InvalidValueException("policy", "a backup set is planned under a policy");
    }
    s.policyName = policy.name().value();
    s.policyRevision = policy.revision();
    s.createdAt = now;
    s.updatedAt = now;
    return s;
  }

  /**
   * Records that the set is now planned under {@code policy}: a later revision of its policy once
   * the copies were converged, or another policy the tenant chose. Going back to an older revision
   * of the same policy is refused as an invalid value (revisions only move forward); the same
   * revision changes nothing.
   */
  public void planUnder(PolicyRef policy, Instant now) {
    PolicyRef current = policy();
    if (policy.equals(current)) {
      return;
    }
    if (policy.name().equals(current.name()) && policy.revision() < current.revision()) {
      throw new InvalidValueException(
          "policy",
          "backup set '"
              + id
              + "' is planned under "
              + current
              + "; it cannot go back to "
              + policy
              + " (revisions only move forward)");
    }
    this.policyName = policy.name().value();
    this.policyRevision = policy.revision();
    this.updatedAt = now;
  }

  /** Whether {@code latest} is a newer revision of the policy this set was planned under. */
  public boolean isOutdated(PolicyRef latest) {
    return policy().isSupersededBy(latest);
  }

  /** Whether {@code latest} is a newer revision of the policy this set was planned under. */
  public boolean isOutdated(QosPolicy latest) {
    return isOutdated(latest.ref());
  }

  /** Describes the set anew: its agent, host and name. */
  public void describe(AgentId agent, String host, String name, Instant now) {
    this.agentId = agent == null ? null : agent.value();
    this.host = Text.optional("host", host, MAX_HOST);
    this.name = Text.required("name", name, MAX_NAME);
    this.updatedAt = now;
  }

  public BackupSetId id() {
    return new BackupSetId(id);
  }

  public TenantId tenantId() {
    return new TenantId(tenantId);
  }

  public Optional<AgentId> agentId() {
    return agentId == null ? Optional.empty() : Optional.of(new AgentId(agentId));
  }

  public Optional<String> host() {
    return Optional.ofNullable(host);
  }

  public String name() {
    return name;
  }

  public PolicyRef policy() {
    return new PolicyRef(new PolicyName(policyName), policyRevision);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
