package dev.strata.node.center;

/**
 * The control center answered, and said no: trying the same request again will not help (a spent or
 * unknown token, a refused credential, a report it cannot take). Failures that may pass — the
 * center unreachable, overloaded or failing — are {@link java.io.IOException}s instead.
 */
public final class CenterRefusal extends Exception {
  private final int status;

  public CenterRefusal(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status the center answered with. */
  public int status() {
    return status;
  }
}
