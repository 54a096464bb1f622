package dev.strata.vtl;

import java.io.IOException;

/** A library directory or its configuration is missing or invalid; the message says which key. */
public final class LibraryConfigException extends IOException {
  private static final long serialVersionUID = 1L;

  public LibraryConfigException(String message) {
    super(message);
  }
}
