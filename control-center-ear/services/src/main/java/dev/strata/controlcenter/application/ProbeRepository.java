package dev.strata.controlcenter.application;

import dev.strata.pool.ProbeResult;
import dev.strata.pool.TargetId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The probe history of every target. */
public interface ProbeRepository {
  void add(ProbeResult result);

  /** Newest first; {@code beforeId} pages backwards (exclusive), {@code null} for the newest. */
  List<ProbeResult> history(TargetId target, int limit, Long beforeId);

  /** The newest result of each of the given targets that has one. */
  Map<TargetId, ProbeResult> latest(Collection<TargetId> targets);

  /** The results of the given targets taken at or after {@code since}, oldest first. */
  List<ProbeResult> since(Collection<TargetId> targets, Instant since);

  /** Deletes every result taken before {@code cutoff}; returns how many. */
  int deleteBefore(Instant cutoff);
}
