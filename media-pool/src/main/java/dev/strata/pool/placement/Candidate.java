package dev.strata.pool.placement;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.MediaClass;
import dev.strata.pool.PricePerGibMonth;
import dev.strata.pool.StorageTarget;
import dev.strata.pool.TargetId;
import dev.strata.pool.TargetState;
import dev.strata.pool.rank.ServiceFigures;
import dev.strata.pool.rank.ServiceState;
import dev.strata.pool.rank.TargetScore;
import java.util.Objects;
import java.util.Optional;

/**
 * A target as the planner sees it: where it is, what media it holds, its life-cycle state, its
 * score in the ranked pool (with the service state and the measured figures the floor is checked
 * against) and its declared cost.
 */
public record Candidate(
    TargetId target,
    DataCenterId dataCenter,
    MediaClass mediaClass,
    TargetState targetState,
    TargetScore score,
    Optional<PricePerGibMonth> cost) {

  public Candidate {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(dataCenter, "dataCenter");
    Objects.requireNonNull(mediaClass, "mediaClass");
    Objects.requireNonNull(targetState, "targetState");
    Objects.requireNonNull(score, "score");
    cost = cost == null ? Optional.empty() : cost;
    if (!score.target().equals(target)) {
      throw new IllegalArgumentException(
          "score of " + score.target() + " given for candidate " + target);
    }
  }

  /** The candidate for {@code target}, scored as {@code score}. */
  public static Candidate of(StorageTarget target, TargetScore score) {
    return new Candidate(
        target.id(),
        target.dataCenterId(),
        target.mediaClass(),
        target.state(),
        score,
        target.cost());
  }

  public ServiceState serviceState() {
    return score.state();
  }

  public ServiceFigures figures() {
    return score.figures();
  }
}
