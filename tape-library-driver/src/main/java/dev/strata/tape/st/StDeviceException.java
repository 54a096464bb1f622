package dev.strata.tape.st;

import java.io.IOException;

/** A system call on a tape device failed; {@link #errno()} says how (st reports conditions so). */
public final class StDeviceException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int errno;

  public StDeviceException(int errno, String message) {
    super(message);
    this.errno = errno;
  }

  public int errno() {
    return errno;
  }
}
