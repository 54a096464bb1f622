package dev.strata.node.targets;

/** The kinds of target a node serves, named as the control center's catalog names them. */
public enum TargetKind {
  DISK,
  OBJECT_STORE,
  VTL
}
