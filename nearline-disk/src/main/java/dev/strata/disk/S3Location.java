package dev.strata.disk;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        q.put(k, v);
      }
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    Optional<URI> endpoint = Optional.ofNullable(q.get("endpoint")).map(URI::create);
    return new S3Location(
        uri.getHost(),
        path,
        endpoint,
        q.getOrDefault("region", "us-east-1"),
        Boolean.parseBoolean(q.getOrDefault("pathStyle", endpoint.isPresent() ? "true" : "false")),
        Boolean.parseBoolean(q.getOrDefault("objectLock", "false")));
  }
}
