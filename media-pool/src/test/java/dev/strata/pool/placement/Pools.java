package dev.strata.pool.placement;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.MediaClass;
import dev.strata.pool.PricePerGibMonth;
import dev.strata.pool.TargetId;
import dev.strata.pool.TargetState;
import dev.strata.pool.rank.ServiceFigures;
import dev.strata.pool.rank.ServiceState;
import dev.strata.pool.rank.TargetScore;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Candidates for planner tests, with the figures a ranking would have measured. */
final class Pools {
  static final long MB = 1_000_000L;

  private Pools() {}

  /** How a candidate measured: what the floor and the restore objective look at. */
  enum Quality {
    /** 100% available, 100 MB/s both ways, 1 ms latency, no errors. */
    GOOD(1.0, 100 * MB, 100 * MB, 0.0, 1_000),
    /** 95% available, 5 MB/s, 2% errors. */
    WEAK(0.95, 5 * MB, 5 * MB, 0.02, 1_000),
    /** Fast, but 100 hours to reach the data (an offsite vault): beyond every default objective. */
    REMOTE(1.0, 100 * MB, 100 * MB, 0.0, 360_000_000_000L),
    /** Nothing measured. */
    UNMEASURED(-1, -1, -1, -1, -1);

    final double availability;
    final long write;
    final long read;
    final double errors;
    final long latency;

    Quality(double availability, long write, long read, double errors, long latency) {
      this.availability = availability;
      this.write = write;
      this.read = read;
      this.errors = errors;
      this.latency = latency;
    }

    ServiceFigures figures(long free) {
      return new ServiceFigures(
          this == UNMEASURED ? 0 : 10,
          availability < 0 ? OptionalDouble.empty() : OptionalDouble.of(availability),
          write < 0 ? OptionalLong.empty() : OptionalLong.of(write),
          read < 0 ? OptionalLong.empty() : OptionalLong.of(read),
          latency < 0 ? OptionalLong.empty() : OptionalLong.of(latency),
          errors < 0 ? OptionalDouble.empty() : OptionalDouble.of(errors),
          free < 0 ? OptionalLong.empty() : OptionalLong.of(free),
          free < 0 ? OptionalLong.empty() : OptionalLong.of(Math.max(free, 1) * 2));
    }
  }

  static Candidate candidate(
      String id,
      String dc,
      MediaClass mc,
      TargetState targetState,
      ServiceState serviceState,
      double score,
      long free,
      long costMicros,
      Quality q) {
    TargetId t = TargetId.of(id);
    return new Candidate(
        t,
        DataCenterId.of(dc),
        mc,
        targetState,
        new TargetScore(t, score, serviceState, q.figures(free), List.of()),
        costMicros < 0 ? Optional.empty() : Optional.of(PricePerGibMonth.ofMicros(costMicros)));
  }

  /** An active, healthy, well-measured candidate with plenty of room. */
  static Candidate good(String id, String dc, MediaClass mc, double score) {
    return candidate(
        id, dc, mc, TargetState.ACTIVE, ServiceState.HEALTHY, score, 1L << 40, -1, Quality.GOOD);
  }
}
