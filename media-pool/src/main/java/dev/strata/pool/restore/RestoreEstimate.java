package dev.strata.pool.restore;

import dev.strata.pool.DataCenterId;
import dev.strata.pool.MediaClass;
import dev.strata.pool.TargetId;
import java.time.Duration;
import java.util.List;

/**
 * How long a restore will take, before it starts, and why: the packs it reads from each target, the
 * tape mounts, locates and recalls that staging takes, and the transfer to the agent at the speed
 * each target was measured at, capped by its data center's link.
 *
 * @param total staging and transfer together
 * @param staging recalling packs that only tape holds to a node's disk (nodes in parallel)
 * @param transfer reading every pack to the agent, one after the other
 * @param tapeMounts cartridges mounted
 * @param measured whether every target's speed was measured (else an assumed speed was used)
 * @param missingPacks packs without any readable copy now (a restore cannot finish)
 */
public record RestoreEstimate(
    Duration total,
    long bytes,
    int packs,
    int tapeMounts,
    Duration staging,
    Duration transfer,
    boolean measured,
    int missingPacks,
    List<Part> parts) {

  public RestoreEstimate {
    parts = List.copyOf(parts);
  }

  /**
   * What one target contributes.
   *
   * @param bytesPerSecond the speed used (measured, or assumed when {@code measured} is false)
   */
  public record Part(
      TargetId target,
      DataCenterId dataCenter,
      MediaClass mediaClass,
      int packs,
      long bytes,
      int mounts,
      Duration time,
      long bytesPerSecond,
      boolean measured) {}
}
