package dev.strata.controlcenter.application;

import dev.strata.pool.identity.AuditEvent;
import dev.strata.pool.identity.Permission;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;

/**
 * The audit trail: every state-changing call is appended once its outcome is known, in a
 * transaction of its own (so a refused or failed call is recorded too), and auditors read it.
 */
@Stateless
@Interceptors(DomainRules.class)
public class AuditService {

  @Inject AuditRepository trail;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(AuditEvent event) {
    trail.append(event);
  }

  /** Newest first; {@code page.after()} is the id of the last event of the previous page. */
  public Page<AuditEvent> events(Caller caller, AuditFilter filter, PageRequest page) {
    caller.require(Permission.AUDIT_READ);
    Long before = page.after() == null ? null : Long.valueOf(page.after());
    AuditFilter scoped =
        new AuditFilter(
            filter.principal(),
            caller.scope(filter.tenant()),
            filter.operation(),
            filter.targetId(),
            filter.outcome(),
            filter.from(),
            filter.to());
    return Page.of(trail.find(scoped, before, page.limit()), page, e -> Long.toString(e.id()));
  }
}
