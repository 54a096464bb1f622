package dev.strata.tape;

/** Optional drive features; a drive without one refuses the command with IllegalRequest. */
public enum DriveCapability {
  /** Positioning by logical object number ({@link TapeDrive#locate}). */
  LOCATE,
  /** Hardware compression. */
  HARDWARE_COMPRESSION,
  /** Write-once cartridges. */
  WORM,
  /** Logical block protection (a CRC per block checked by the drive). */
  LOGICAL_BLOCK_PROTECTION,
  /**
   * Filemarks written without flushing the drive's buffer (SSC WRITE FILEMARKS with IMMED=1, st's
   * MTWEOFI), so a streaming drive keeps streaming ({@link TapeDrive#writeFilemarksImmediate}).
   */
  IMMEDIATE_FILEMARKS
}
