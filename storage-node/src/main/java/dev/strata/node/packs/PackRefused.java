package dev.strata.node.packs;

/**
 * A pack the node would not store: truncated, altered, misnamed, not a pack, or signed by a key the
 * caller's grant does not allow. Nothing of it was kept.
 */
public final class PackRefused extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why, in the terms a client can act on. */
  public enum Reason {
    /** Not a well-formed pack, cut short, altered, or not the bytes its name (SHA-256) says. */
    INVALID,
    /** Well-formed and signed, but by a key the grant does not allow. */
    SIGNER_NOT_GRANTED
  }

  private final Reason reason;

  public PackRefused(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
