package dev.strata.tape;

/** The four kinds of element a SCSI media changer reports in READ ELEMENT STATUS. */
public enum ElementType {
  /** The robot's picker. */
  MEDIUM_TRANSPORT,
  /** A storage slot. */
  STORAGE,
  /** A mail slot through which operators put cartridges in and take them out. */
  IMPORT_EXPORT,
  /** A tape drive. */
  DATA_TRANSFER
}
