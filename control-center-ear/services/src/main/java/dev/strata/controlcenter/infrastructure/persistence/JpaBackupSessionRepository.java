package dev.strata.controlcenter.infrastructure.persistence;

import dev.strata.controlcenter.application.BackupSessionRepository;
import dev.strata.pool.catalog.BackupSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Backup sessions in the JPA catalog. */
@ApplicationScoped
public class JpaBackupSessionRepository implements BackupSessionRepository {

  @PersistenceContext(unitName = "strata")
  EntityManager em;

  @Override
  public Optional<BackupSession> find(String id) {
    return Optional.ofNullable(em.find(BackupSession.class, id));
  }

  @Override
  public void add(BackupSession session) {
    Jpa.persistNew(em, session, "backup session", session.id());
  }
}
