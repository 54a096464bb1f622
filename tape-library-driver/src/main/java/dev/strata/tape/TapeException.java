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

  /** A condition as it crossed a network: its kind and its message, rebuilt as they were. */
  private record Wire(String message) {}

  /** The kind of this condition, as {@link #fromWire} takes it back. */
  public String kind() {
    return getClass().getSimpleName();
  }

  /**
   * Rebuilds a condition reported by a remote library from its {@link #kind()} and message, so a
   * caller of a remote library sees exactly the condition a local one would have raised.
   */
  public static TapeException fromWire(String kind, String message) {
    Wire w = new Wire(message);
    return switch (kind) {
      case "NotReady" -> new NotReady(w);
      case "EarlyWarning" -> new EarlyWarning(w);
      case "EndOfMedium" -> new EndOfMedium(w);
      case "EndOfData" -> new EndOfData(w);
      case "BlankCheck" -> new BlankCheck(w);
      case "MediumError" -> new MediumError(w);
      case "WriteProtected" -> new WriteProtected(w);
      case "WormOverwrite" -> new WormOverwrite(w);
      case "CleaningRequired" -> new CleaningRequired(w);
      case "IllegalRequest" -> new IllegalRequest(w);
      default -> new HardwareError(new Wire(kind + ": " + message));
    };
  }

  /** Whether the same command may succeed if repeated (after waiting, cleaning or loading). */
  public boolean retryable() {
    return retryable;
  }

  /** No cartridge is loaded, or the device is becoming ready. Retry after loading. */
  public static final class NotReady extends TapeException {
    private static final long serialVersionUID = 1L;

    private NotReady(Wire w) {
      super(w.message(), true);
    }

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

    private EarlyWarning(Wire w) {
      super(w.message(), false);
    }

    public EarlyWarning(long position) {
      super("early warning: the end of the medium is near (at object " + position + ")", false);
    }
  }

  /** The write was <b>not</b> done: the physical end of the medium is reached. */
  public static final class EndOfMedium extends TapeException {
    private static final long serialVersionUID = 1L;

    private EndOfMedium(Wire w) {
      super(w.message(), false);
    }

    public EndOfMedium(long position) {
      super("end of medium at object " + position + ": nothing more fits", false);
    }
  }

  /** A read or space went past the last recorded object. */
  public static final class EndOfData extends TapeException {
    private static final long serialVersionUID = 1L;

    private EndOfData(Wire w) {
      super(w.message(), false);
    }

    public EndOfData(long position) {
      super("end of data at object " + position, false);
    }
  }

  /** A read found a blank (never written) medium. */
  public static final class BlankCheck extends TapeException {
    private static final long serialVersionUID = 1L;

    private BlankCheck(Wire w) {
      super(w.message(), false);
    }

    public BlankCheck() {
      super("blank check: nothing was ever written on this medium", false);
    }
  }

  /** The medium cannot be read or written at this position; another copy is needed. */
  public static final class MediumError extends TapeException {
    private static final long serialVersionUID = 1L;

    private MediumError(Wire w) {
      super(w.message(), false);
    }

    public MediumError(long position, String detail) {
      super("medium error at object " + position + ": " + detail, false);
    }
  }

  /** The cartridge is write-protected. */
  public static final class WriteProtected extends TapeException {
    private static final long serialVersionUID = 1L;

    private WriteProtected(Wire w) {
      super(w.message(), false);
    }

    public WriteProtected(String volume) {
      super("cartridge " + volume + " is write-protected", false);
    }
  }

  /** A WORM cartridge refuses to overwrite what it holds; only appending at its end is allowed. */
  public static final class WormOverwrite extends TapeException {
    private static final long serialVersionUID = 1L;

    private WormOverwrite(Wire w) {
      super(w.message(), false);
    }

    public WormOverwrite(String volume, long position) {
      super("WORM cartridge " + volume + " refuses to overwrite data at object " + position, false);
    }
  }

  /** The drive must be cleaned before it reads or writes again. Retry after cleaning. */
  public static final class CleaningRequired extends TapeException {
    private static final long serialVersionUID = 1L;

    private CleaningRequired(Wire w) {
      super(w.message(), true);
    }

    public CleaningRequired(String drive) {
      super("drive " + drive + " requires cleaning", true);
    }
  }

  /** The device failed (hardware error, robot jam); it needs service. */
  public static final class HardwareError extends TapeException {
    private static final long serialVersionUID = 1L;

    private HardwareError(Wire w) {
      super(w.message(), false);
    }

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

    private IllegalRequest(Wire w) {
      super(w.message(), false);
    }

    public IllegalRequest(String message) {
      super(message, false);
    }
  }
}
