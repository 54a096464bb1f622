package dev.strata.pool.rank;

/** The parts of a target's score, each with the unit of its raw value. */
public enum Component {
  /** Share of probes that found the target serving (OK or DEGRADED). */
  AVAILABILITY("ratio"),
  /** Median write throughput of the probe objects. */
  WRITE_THROUGHPUT("bytes/s"),
  /** Median read throughput of the probe objects. */
  READ_THROUGHPUT("bytes/s"),
  /** Median round trip of a probe object (write + read back): access time, mounts, requests. */
  LATENCY("µs"),
  /** Share of data-path probes and copy verifications that found bad data. */
  DATA_ERRORS("ratio"),
  /** Share of the capacity still free, by the newest probe that reported it. */
  FREE_CAPACITY("ratio"),
  /** The operator's declared cost of a GiB-month on the target. */
  COST("micros/GiB-month");

  private final String unit;

  Component(String unit) {
    this.unit = unit;
  }

  public String unit() {
    return unit;
  }
}
