package dev.strata.pool.catalog;

/** The kinds of medium a target holds copies on. */
public enum MediumKind {
  /** A tape cartridge, identified by its barcode; can leave the library (vaulted). */
  CARTRIDGE,
  /** A volume (file system, directory) of a disk target. */
  DISK_VOLUME,
  /** A bucket or prefix of an object-store target. */
  OBJECT_VOLUME
}
