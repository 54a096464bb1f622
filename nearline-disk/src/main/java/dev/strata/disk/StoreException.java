package dev.strata.disk;

import java.io.IOException;

/**
 * The named failures of a {@link PackStore}. Callers branch on the type; every other {@link
 * IOException} is a fault of the device or the network, which may be retried.
 */
public abstract sealed class StoreException extends IOException {
  private static final long serialVersionUID = 1L;

  StoreException(String message) {
    super(message);
  }

  /** No pack of that name. */
  public static final class NoSuchPack extends StoreException {
    private static final long serialVersionUID = 1L;

    public NoSuchPack(PackName name) {
      super("no pack '" + name + "'");
    }
  }

  /** The content streamed in does not have the length or SHA-256 announced; nothing was stored. */
  public static final class ContentMismatch extends StoreException {
    private static final long serialVersionUID = 1L;

    public ContentMismatch(PackName name, String what) {
      super("pack '" + name + "' not stored: " + what);
    }

    /**
     * Checks what a store received against what its caller announced.
     *
     * @param received bytes read from the content, at most {@code length}
     * @param more whether the content went on after {@code length} bytes
     */
    static void check(
        PackName name, long length, long received, boolean more, Sha256 announced, Sha256 actual)
        throws ContentMismatch {
      if (received < length) {
        throw new ContentMismatch(
            name, "the content ended after " + received + " of " + length + " bytes");
      }
      if (more) {
        throw new ContentMismatch(name, "the content is longer than " + length + " bytes");
      }
      if (!actual.equals(announced)) {
        throw new ContentMismatch(
            name, "its SHA-256 is " + actual + ", not the " + announced + " announced");
      }
    }
  }

  /** A retention lock forbids deleting or replacing the pack until the time given. */
  public static final class RetentionLocked extends StoreException {
    private static final long serialVersionUID = 1L;

    public RetentionLocked(PackName name, java.time.Instant until) {
      super("pack '" + name + "' is retained until " + until);
    }
  }

  /**
   * The backend refused the request for a reason retrying cannot cure (access denied, a bucket that
   * does not exist, a request it considers malformed).
   */
  public static final class Refused extends StoreException {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }

  /**
   * The location holds no pack store: nothing there, or no readable {@link StoreMarker}. Opening
   * such a location changes nothing in it; a store must be initialised first.
   */
  public static final class NotAStore extends StoreException {
    private static final long serialVersionUID = 1L;

    public NotAStore(String location, String why) {
      super("no pack store at " + location + ": " + why);
    }
  }

  /**
   * Initialising a store was refused because the location already holds something that is not a
   * pack store; nothing was changed there.
   */
  public static final class NotEmpty extends StoreException {
    private static final long serialVersionUID = 1L;

    public NotEmpty(String location, String what) {
      super(
          "will not initialise a pack store at "
              + location
              + ": it already holds "
              + what
              + ", and is not a pack store (choose an empty location)");
    }
  }

  /** The backend does not offer the capability the call needs. */
  public static final class Unsupported extends StoreException {
    private static final long serialVersionUID = 1L;

    public Unsupported(Capability capability) {
      super("this store does not offer " + capability);
    }
  }
}
