package dev.strata.controlcenter.interfaces.security;

/** Where the reason of a refused authentication travels to the error page that renders it. */
public final class Unauthorized {
  /** Request attribute: why the request was not authenticated. */
  public static final String REASON = Unauthorized.class.getName() + ".reason";

  private Unauthorized() {}
}
