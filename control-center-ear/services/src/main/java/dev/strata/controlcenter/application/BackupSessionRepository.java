package dev.strata.controlcenter.application;

import dev.strata.pool.catalog.BackupSession;
import java.util.Optional;

/** Backup sessions. */
public interface BackupSessionRepository {
  Optional<BackupSession> find(String id);

  void add(BackupSession session);
}
