package dev.strata.controlcenter.application;

import dev.strata.pool.identity.AuditEvent;
import java.util.List;

/** The audit trail: it can only be appended to and read, never changed. */
public interface AuditRepository {
  void append(AuditEvent event);

  /** Newest first, matching {@code filter}, at most {@code limit} + 1. */
  List<AuditEvent> find(AuditFilter filter, Long beforeId, int limit);
}
