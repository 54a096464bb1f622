package dev.strata.controlcenter.interfaces.security;

import jakarta.security.enterprise.credential.Credential;

/** A storage node's credential presented as {@code Authorization: Bearer snk_...}. */
public record NodeCredential(String text) implements Credential {
  /** Never the credential. */
  @Override
  public String toString() {
    return "NodeCredential[***]";
  }
}
