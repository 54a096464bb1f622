package dev.strata.pool;

/**
 * Floors a probe result is judged against.
 *
 * @param minFreeRatio below this share of free capacity a target is degraded (0..1)
 */
public record ProbeThresholds(double minFreeRatio) {
  public static final ProbeThresholds DEFAULT = new ProbeThresholds(0.05);

  public ProbeThresholds {
    if (!(minFreeRatio >= 0 && minFreeRatio <= 1)) {
      throw new IllegalArgumentException("minFreeRatio must be within 0..1");
    }
  }
}
