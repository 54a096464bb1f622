package dev.strata.node.targets;

/** The kinds of target a node serves, named as the control center's catalog names them. */
public enum TargetKind {
  DISK,
  OBJECT_STORE,
  VTL,
  /** A real library (an {@code mtx:} changer with st drives), opened like a VTL. */
  TAPE_LIBRARY;

  /** The kind of a tape library at {@code location} (a registry URI). */
  public static TargetKind ofLibrary(String location) {
    return location.startsWith("mtx:") ? TAPE_LIBRARY : VTL;
  }
}
