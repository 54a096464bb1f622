package dev.strata.tape;

import java.io.IOException;

/**
 * A condition a tape library or drive reports (SCSI sense data, in the terms of SSC and SMC). Each
 * kind says whether repeating the same command can help ({@link #retryable()}); none of them is
 * ever hidden by an implementation.
 */
public abstract sealed class TapeException extends IOException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  TapeException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  /** Whether the same command may succeed if repeated (after waiting, cleaning or loading). */
  public boolean retryable() {
    return retryable;
  }

  /** No cartridge is loaded, or the device is becoming ready. Retry after loading. */
  public static final class NotReady extends TapeException {
    private static final long serialVersionUID = 1L;

    public NotReady(String message) {
      super(message, true);
    }
  }

  /**
   * The write <b>was done</b>, but the tape is near its end (early warning): finish the current
   * tape file and continue on another cartridge. Further writes still succeed until {@link
   * EndOfMedium}.
   */
  public static final class EarlyWarning extends TapeException {
    private static final long serialVersionUID = 1L;

    public EarlyWarning(long position) {
      super("early warning: the end of the medium is near (at object " + position + ")", false);
    }
  }

  /** The write was <b>not</b> done: the physical end of the medium is reached. */
  public static final class EndOfMedium extends TapeException {
    private static final long serialVersionUID = 1L;

    public EndOfMedium(long position) {
      super("end of medium at object " + position + ": nothing more fits", false);
    }
  }

  /** A read or space went past the last recorded object. */
  public static final class EndOfData extends TapeException {
    private static final long serialVersionUID = 1L;

    public EndOfData(long position) {
      super("end of data at object " + position, false);
    }
  }

  /** A read found a blank (never written) medium. */
  public static final class BlankCheck extends TapeException {
    private static final long serialVersionUID = 1L;

    public BlankCheck() {
      super("blank check: nothing was ever written on this medium", false);
    }
  }

  /** The medium cannot be read or written at this position; another copy is needed. */
  public static final class MediumError extends TapeException {
    private static final long serialVersionUID = 1L;

    public MediumError(long position, String detail) {
      super("medium error at object " + position + ": " + detail, false);
    }
  }

  /** The cartridge is write-protected. */
  public static final class WriteProtected extends TapeException {
    private static final long serialVersionUID = 1L;

    public WriteProtected(String volume) {
      super("cartridge " + volume + " is write-protected", false);
    }
  }

  /** A WORM cartridge refuses to overwrite what it holds; only appending at its end is allowed. */
  public static final class WormOverwrite extends TapeException {
    private static final long serialVersionUID = 1L;

    public WormOverwrite(String volume, long position) {
      super("WORM cartridge " + volume + " refuses to overwrite data at object " + position, false);
    }
  }

  /** The drive must be cleaned before it reads or writes again. Retry after cleaning. */
  public static final class CleaningRequired extends TapeException {
    private static final long serialVersionUID = 1L;

    public CleaningRequired(String drive) {
      super("drive " + drive + " requires cleaning", true);
    }
  }

  /** The device failed (hardware error, robot jam); it needs service. */
  public static final class HardwareError extends TapeException {
    private static final long serialVersionUID = 1L;

    public HardwareError(String message) {
      super(message, false);
    }
  }

  /**
   * The command is not valid in this state or for this device (an empty source element, a full
   * destination, a block larger than the drive takes, an unsupported capability).
   */
  public static final class IllegalRequest extends TapeException {
    private static final long serialVersionUID = 1L;

    public IllegalRequest(String message) {
      super(message, false);
    }
  }
}
