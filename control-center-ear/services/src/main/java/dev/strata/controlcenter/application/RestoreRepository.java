package dev.strata.controlcenter.application;

import dev.strata.pool.TenantId;
import dev.strata.pool.identity.PrincipalName;
import dev.strata.pool.restore.Restore;
import dev.strata.pool.restore.RestoreEvent;
import dev.strata.pool.restore.RestoreId;
import dev.strata.pool.restore.RestoreState;
import java.util.List;
import java.util.Optional;

/** Restores and their events. */
public interface RestoreRepository {
  Optional<Restore> find(RestoreId id);

  /** As {@link #find}, locked against concurrent changes until the transaction ends. */
  Optional<Restore> lock(RestoreId id);

  void add(Restore restore, List<RestoreEvent> events);

  void addEvent(RestoreEvent event);

  /**
   * Newest first (ids begin with their time); {@code page.after()} is the last id of the previous
   * page. Absent filters match everything. One more than asked when there are more.
   */
  List<Restore> list(
      Optional<TenantId> tenant,
      Optional<PrincipalName> agent,
      Optional<RestoreState> state,
      PageRequest page);

  /** Restores in {@code state}, oldest first, at most {@code limit}. */
  List<Restore> inState(RestoreState state, int limit);

  /** The message of a restore's latest event. */
  Optional<String> lastEventMessage(RestoreId restore);

  /** The events of a restore after {@code sequence}, in order, at most {@code limit}. */
  List<RestoreEvent> events(RestoreId restore, long afterSequence, int limit);
}
