package dev.strata.tape.mtx;

/** mtx printed something the driver cannot read; the message quotes it. */
public final class MtxException extends Exception {
  private static final long serialVersionUID = 1L;

  public MtxException(String message) {
    super(message);
  }
}
