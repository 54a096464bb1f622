package dev.strata.pool.identity;

import dev.strata.pool.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of the append-only audit trail: who did (or tried) what to which object, when, from
 * where, and how it ended. It holds no secret: no body, no credential, only names and ids.
 */
public class AuditEvent {
  public static final int MAX_TEXT = 200;
  public static final int MAX_DETAIL = 500;

  private Long id;
  private Instant at;
  private String principalName;
  private String tenantId;
  private String operation;
  private String targetId;
  private String remoteAddress;
  private AuditOutcome outcome;
  private int status;
  private String detail;

  /** For the persistence mapping only. */
  protected AuditEvent() {}

  /**
   * @param principal who called, empty when unauthenticated
   * @param tenant the caller's tenant, empty for global roles and the unauthenticated
   * @param operation what was asked, e.g. {@code registerTarget} or {@code POST /api/v1/targets}
   * @param targetId the id of the object acted on, when there is one
   * @param status the HTTP status of the answer
   */
  public static AuditEvent record(
      Instant at,
      Optional<PrincipalName> principal,
      Optional<TenantId> tenant,
      String operation,
      Optional<String> targetId,
      String remoteAddress,
      int status,
      String detail) {
    AuditEvent e = new AuditEvent();
    e.at = at;
    e.principalName = principal.map(PrincipalName::value).orElse(null);
    e.tenantId = tenant.map(TenantId::value).orElse(null);
    e.operation = clip(operation, MAX_TEXT);
    e.targetId = targetId.map(t -> clip(t, MAX_TEXT)).orElse(null);
    e.remoteAddress = clip(remoteAddress, 64);
    e.status = status;
    e.outcome = AuditOutcome.ofStatus(status);
    e.detail = detail == null ? null : clip(detail, MAX_DETAIL);
    return e;
  }

  private static String clip(String s, int max) {
    if (s == null) {
      return null;
    }
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > max ? clean.substring(0, max) : clean;
  }

  public long id() {
    return id == null ? 0 : id;
  }

  public Instant at() {
    return at;
  }

  public Optional<PrincipalName> principal() {
    return Optional.ofNullable(principalName).map(PrincipalName::new);
  }

  public Optional<TenantId> tenant() {
    return Optional.ofNullable(tenantId).map(TenantId::new);
  }

  public String operation() {
    return operation;
  }

  public Optional<String> targetId() {
    return Optional.ofNullable(targetId);
  }

  public String remoteAddress() {
    return remoteAddress;
  }

  public AuditOutcome outcome() {
    return outcome;
  }

  public int status() {
    return status;
  }

  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }
}
