package dev.strata.pool;

/** How a data center is reached from the control center (the patent names WAN, internet, FC). */
public enum NetworkLink {
  /** The control center's own site. */
  LOCAL,
  WAN,
  INTERNET,
  FIBRE_CHANNEL
}
