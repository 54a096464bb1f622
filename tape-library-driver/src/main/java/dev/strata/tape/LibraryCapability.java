package dev.strata.tape;

/** Optional library features. */
public enum LibraryCapability {
  /** Mail slots through which cartridges enter and leave. */
  IMPORT_EXPORT,
  /** A barcode reader: inventory reports volume tags. */
  BARCODE_READER
}
