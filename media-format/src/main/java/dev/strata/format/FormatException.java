package dev.strata.format;

/** Bytes that are not a valid instance of a Strata format; the message says what is wrong. */
public final class FormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public FormatException(String message) {
    super(message);
  }
}
