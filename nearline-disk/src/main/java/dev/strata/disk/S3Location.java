package dev.strata.disk;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where an S3 pack store lives, parsed from a target endpoint such as {@code
 * s3://backups/dc1?endpoint=http://127.0.0.1:9000&region=us-east-1&pathStyle=true&objectLock=true}.
 *
 * @param bucket the bucket
 * @param prefix key prefix under which the store keeps its packs (empty or ending in {@code /})
 * @param endpoint the service URL; empty for AWS itself
 * @param region the signing region
 * @param pathStyle address the bucket in the path ({@code host/bucket}) rather than the host name
 * @param objectLock the bucket has object lock enabled, so retention is offered and enforced
 */
public record S3Location(
    String bucket,
    String prefix,
    Optional<URI> endpoint,
    String region,
    boolean pathStyle,
    boolean objectLock) {
  private static final Set<String> PARAMETERS =
      Set.of("endpoint", "region", "pathStyle", "objectLock");
  private static final Pattern REGION = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public S3Location {
    if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw new IllegalArgumentException("'" + bucket + "' is not a valid bucket name");
    }
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
  }

  /** Parses {@code s3://bucket[/prefix][?endpoint=URL&region=R&pathStyle=B&objectLock=B]}. */
  public static S3Location parse(URI uri) {
    if (!"s3".equals(uri.getScheme())) {
      throw new IllegalArgumentException("an S3 location starts with s3:// (got " + uri + ")");
    }
    Map<String, String> q = new HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (!PARAMETERS.contains(k)) {
          throw new IllegalArgumentException(
              "unknown parameter '" + k + "' in " + uri + "; known are " + PARAMETERS);
        }
        // Refused rather than "last one wins": whoever checks the location (the control center's
        // endpoint rules) and whoever opens it must not see different servers.
        if (q.put(k, v) != null) {
          throw new IllegalArgumentException("parameter '" + k + "' is given twice in " + uri);
        }
      }
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    Optional<URI> endpoint = Optional.ofNullable(q.get("endpoint")).map(URI::create);
    String region = q.getOrDefault("region", "us-east-1");
    if (!REGION.matcher(region).matches()) {
      // The SDK builds AWS host names from the region: it must not be able to name another host.
      throw new IllegalArgumentException(
          "region '" + region + "' is not a region name (letters, digits, '.', '_', '-')");
    }
    return new S3Location(
        uri.getHost(),
        path,
        endpoint,
        region,
        Boolean.parseBoolean(q.getOrDefault("pathStyle", endpoint.isPresent() ? "true" : "false")),
        Boolean.parseBoolean(q.getOrDefault("objectLock", "false")));
  }
}
