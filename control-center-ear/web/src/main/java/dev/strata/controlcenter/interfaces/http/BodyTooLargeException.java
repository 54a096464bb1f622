package dev.strata.controlcenter.interfaces.http;

import java.io.IOException;

/** A request body went past the configured limit while it was read. */
public final class BodyTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;
  private final long limit;

  public BodyTooLargeException(long limit) {
    super("the body exceeds the limit of " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
