package dev.strata.controlcenter.interfaces.security;

import dev.strata.controlcenter.application.Caller;
import jakarta.security.enterprise.CallerPrincipal;

/** The container's principal for an authenticated caller, carrying the application's view of it. */
public final class StrataPrincipal extends CallerPrincipal {
  private static final long serialVersionUID = 1L;
  private final transient Caller caller;

  public StrataPrincipal(Caller caller) {
    super(caller.name().value());
    this.caller = caller;
  }

  public Caller caller() {
    return caller;
  }
}
