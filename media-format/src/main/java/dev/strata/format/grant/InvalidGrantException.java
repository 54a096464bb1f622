package dev.strata.format.grant;

/**
 * A token that is not a valid grant from a trusted issuer: malformed, of an unknown version, signed
 * by a key the reader does not trust, or with a signature that does not verify. The message says
 * which (and never repeats the token).
 */
public final class InvalidGrantException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidGrantException(String message) {
    super(message);
  }
}
