package dev.strata.disk;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one place where a pack store is put together: the backend chosen by the location's scheme
 * ({@code file:} a directory, {@code s3:} a bucket), then — innermost first — fault injection (only
 * when asked for), retries of transient faults, metrics and logging. Every caller (the command
 * line's repository, the control center's disk targets, storage nodes) gets its store here, so the
 * stack is the same everywhere.
 *
 * <p>{@link #open} opens an existing store and changes nothing at a location that holds none;
 * {@link #initialise} makes a store first. Only the one who decides that a location is to be a
 * store (the {@code strata init} command, the provisioning of a target) initialises.
 */
public final class PackStores {
  private PackStores() {}

  /** A store ready for use, with its metrics and, when enabled, its fault injector. */
  public static final class Opened implements AutoCloseable {
    private final PackStore store;
    private final StoreMetrics metrics;
    private final Optional<FaultInjectingPackStore> faults;
    private final AutoCloseable backend;
    private final StoreMarker marker;

    Opened(
        PackStore store,
        StoreMetrics metrics,
        Optional<FaultInjectingPackStore> faults,
        AutoCloseable backend,
        StoreMarker marker) {
      this.store = store;
      this.metrics = metrics;
      this.faults = faults;
      this.backend = backend;
      this.marker = marker;
    }

    /** The store's marker: its id and when it was initialised. */
    public StoreMarker marker() {
      return marker;
    }

    public PackStore store() {
      return store;
    }

    public StoreMetrics metrics() {
      return metrics;
    }

    public Optional<FaultInjectingPackStore> faults() {
      return faults;
    }

    /** Releases the backend's connections; the store must not be used afterwards. */
    @Override
    public void close() throws IOException {
      try {
        backend.close();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
  }

  /**
   * Opens the store at {@code location}: {@code file:/absolute/dir} (a directory holding a store)
   * or {@code s3://bucket/prefix?...} (see {@link S3Location}; needs credentials in the settings).
   *
   * @throws StoreException.NotAStore if no store is there; nothing was changed at the location
   * @throws IllegalArgumentException for a location that names no store this build can open
   */
  public static Opened open(URI location, StoreSettings settings) throws IOException {
    return build(location, settings, false);
  }

  /**
   * Makes {@code location} a store (an empty or missing directory, an empty bucket prefix) and
   * opens it; opens the store that is already there, if any.
   *
   * @throws StoreException.NotEmpty if the location holds anything but a store; nothing was changed
   *     there
   * @throws IllegalArgumentException for a location that names no store this build can open
   */
  public static Opened initialise(URI location, StoreSettings settings) throws IOException {
    return build(location, settings, true);
  }

  private static Opened build(URI location, StoreSettings settings, boolean initialise)
      throws IOException {
    String scheme = location.getScheme() == null ? "" : location.getScheme();
    PackStore backend;
    AutoCloseable closer;
    StoreMarker marker;
    switch (scheme) {
      case "file" -> {
        if (location.getAuthority() != null || location.getPath() == null) {
          throw new IllegalArgumentException(
              "a file store location is file:/absolute/path (got " + location + ")");
        }
        Path dir = Path.of(location);
        LocalPackStore local =
            initialise
                ? LocalPackStore.initialise(dir, settings.clock(), settings.random())
                : LocalPackStore.open(dir, settings.clock(), settings.random());
        backend = local;
        marker = local.marker();
        closer = () -> {};
      }
      case "s3" -> {
        S3PackStore s3;
        try {
          s3 = S3Backend.open(location, settings, initialise);
        } catch (NoClassDefFoundError e) {
          throw new IllegalArgumentException(
              "this process has no S3 client (the AWS SDK is not on its class path), so it"
                  + " cannot open "
                  + redacted(location),
              e);
        }
        backend = s3;
        marker = s3.marker();
        closer = s3;
      }
      default ->
          throw new IllegalArgumentException(
              "no pack store for '" + location + "': use file:/path or s3://bucket");
    }
    Optional<FaultInjectingPackStore> faults =
        settings.faultInjection()
            ? Optional.of(new FaultInjectingPackStore(backend))
            : Optional.empty();
    PackStore stack = faults.<PackStore>map(f -> f).orElse(backend);
    stack = new RetryingPackStore(stack, settings.retry(), settings.random(), settings.pause());
    StoreMetrics metrics = new StoreMetrics();
    stack = new MeteredPackStore(stack, metrics);
    stack = new LoggingPackStore(stack, redacted(location));
    return new Opened(stack, metrics, faults, closer, marker);
  }

  /** The location as logs may show it: without user info or query (which may carry secrets). */
  static String redacted(URI location) {
    return location.getScheme()
        + ":"
        + (location.getHost() == null ? "" : "//" + location.getHost())
        + (location.getPath() == null ? "" : location.getPath());
  }

  /**
   * Kept apart so that a process without the AWS SDK on its class path (the control center, which
   * leaves object stores to storage nodes) loads no S3 class unless an s3: location is opened.
   */
  private static final class S3Backend {
    static S3PackStore open(URI location, StoreSettings settings, boolean initialise)
        throws IOException {
      S3Credentials c =
          settings
              .s3Credentials()
              .orElseThrow(
                  () ->
                      new StoreException.Refused(
                          "no S3 credentials configured for " + redacted(location)));
      var credentials =
          software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
              software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                  c.accessKeyId(), c.secretAccessKey()));
      S3Location at = S3Location.parse(location);
      return initialise
          ? S3PackStore.initialise(
              at, credentials, settings.s3PartSize(), settings.clock(), settings.random())
          : S3PackStore.open(at, credentials, settings.s3PartSize(), settings.clock());
    }
  }
}
