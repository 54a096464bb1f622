package dev.strata.disk;

/** The operations of a {@link PackStore}, as wrappers observe and fault injection targets them. */
public enum StoreOperation {
  PUT,
  GET,
  STAT,
  LIST,
  DELETE,
  RETAIN,
  CAPACITY
}
