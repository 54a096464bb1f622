package dev.strata.pool;

import java.net.URI;
import java.util.Locale;

/**
 * The four kinds of storage target in the media resource pool. Each kind is addressed by an
 * endpoint URI whose scheme selects the driver, so a new driver is a new scheme, not a new kind of
 * code path.
 */
public enum TargetKind {
  /** A physical tape library: {@code mtx:/dev/sg3} (SCSI media changer, drives through st). */
  TAPE_LIBRARY(MediaClass.TAPE, "mtx"),
  /** A virtual tape library: {@code vtl:/path} in-process or {@code vtl://host:port} remote. */
  VTL(MediaClass.TAPE, "vtl"),
  /** A directory on a local or mounted disk array: {@code file:/path}. */
  DISK(MediaClass.DISK, "file"),
  /** An S3-compatible bucket: {@code s3://bucket/prefix?endpoint=http://host:port}. */
  OBJECT_STORE(MediaClass.OBJECT, "s3");

  private final MediaClass mediaClass;
  private final String scheme;

  TargetKind(MediaClass mediaClass, String scheme) {
    this.mediaClass = mediaClass;
    this.scheme = scheme;
  }

  public MediaClass mediaClass() {
    return mediaClass;
  }

  /** The URI scheme of this kind's endpoints. */
  public String scheme() {
    return scheme;
  }

  /** Checks that {@code endpoint} is a well-formed address for this kind and returns it parsed. */
  public URI requireEndpoint(String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      throw new InvalidValueException("endpoint", "endpoint is required");
    }
    URI uri;
    try {
      uri = new URI(endpoint.strip());
    } catch (java.net.URISyntaxException e) {
      throw new InvalidValueException("endpoint", "endpoint is not a valid URI: " + e.getMessage());
    }
    String actual = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!actual.equals(scheme)) {
      throw new InvalidValueException(
          "endpoint",
          "a " + this + " endpoint must use the '" + scheme + ":' scheme (got '" + endpoint + "')");
    }
    // What the drivers would refuse (or ignore) when they open the endpoint is refused here, when
    // it is registered, rather than at every probe: no fragment, no user information, and options
    // only where the driver takes them (mtx: drives=, s3: endpoint=, region=, ...).
    if (uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new InvalidValueException(
          "endpoint", "an endpoint has no user information ('user@') and no fragment ('#')");
    }
    if (uri.getRawQuery() != null && (this == DISK || this == VTL)) {
      throw new InvalidValueException("endpoint", "a " + this + " endpoint takes no options ('?')");
    }
    switch (this) {
      case DISK, TAPE_LIBRARY -> {
        if (uri.getPath() == null || !uri.getPath().startsWith("/") || uri.getAuthority() != null) {
          throw new InvalidValueException(
              "endpoint", "a " + this + " endpoint must name an absolute local path");
        }
      }
      case VTL -> {
        boolean local =
            uri.getAuthority() == null && uri.getPath() != null && uri.getPath().startsWith("/");
        boolean remote =
            uri.getHost() != null
                && uri.getPort() > 0
                && (uri.getRawPath() == null || uri.getRawPath().isEmpty());
        if (!local && !remote) {
          throw new InvalidValueException(
              "endpoint", "a VTL endpoint is vtl:/absolute/path or vtl://host:port");
        }
      }
      case OBJECT_STORE -> {
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
          throw new InvalidValueException(
              "endpoint", "an OBJECT_STORE endpoint must name a bucket");
        }
      }
    }
    return uri;
  }
}
