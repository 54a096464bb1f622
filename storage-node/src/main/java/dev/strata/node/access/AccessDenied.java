package dev.strata.node.access;

/**
 * A call the node refuses for want of a valid grant ({@link #unauthenticated()}: none, malformed,
 * expired, forged) or because the grant does not cover it (wrong node, operation or tenant).
 */
public final class AccessDenied extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean unauthenticated;

  private AccessDenied(boolean unauthenticated, String message) {
    super(message);
    this.unauthenticated = unauthenticated;
  }

  public static AccessDenied noValidGrant(String why) {
    return new AccessDenied(true, why);
  }

  public static AccessDenied notCovered(String why) {
    return new AccessDenied(false, why);
  }

  /** True: the caller has no valid grant (HTTP 401); false: the grant does not cover this (403). */
  public boolean unauthenticated() {
    return unauthenticated;
  }
}
