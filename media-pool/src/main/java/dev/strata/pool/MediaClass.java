package dev.strata.pool;

/**
 * The class of media a copy lands on; QoS policies ask for classes ("one copy on tape"), not for
 * particular devices.
 */
public enum MediaClass {
  /** Removable cartridges that can be taken offline (air gap). */
  TAPE,
  /** Random-access disk in a data center. */
  DISK,
  /** An S3-compatible object store. */
  OBJECT
}
