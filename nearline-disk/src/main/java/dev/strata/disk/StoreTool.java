package dev.strata.disk;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

/**
 * The operator's command for pack stores ({@code ./strata store ...}): makes a directory or bucket
 * prefix a store before it is registered as a disk target, and shows what store a location holds.
 * Only {@code init} writes anything, and only into an empty or new location.
 */
public final class StoreTool {
  static final String USAGE =
      """
      Usage: strata store init LOCATION   make LOCATION a pack store (an empty or new directory,
                                          or an empty s3://bucket/prefix?endpoint=URL)
             strata store show LOCATION   print the id, format version and creation time of the
                                          store at LOCATION (changes nothing)
      LOCATION is a directory, file:/DIR or s3://...; S3 credentials come from AWS_ACCESS_KEY_ID
      and AWS_SECRET_ACCESS_KEY.""";

  private StoreTool() {}

  public static void main(String[] args) {
    System.exit(
        run(
            System.getenv(),
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8),
            args));
  }

  /** Runs one command; returns the exit code (0 done, 1 failed, 2 bad usage). */
  static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
    if (args.length != 2 || !(args[0].equals("init") || args[0].equals("show"))) {
      err.println(USAGE);
      return 2;
    }
    URI location =
        args[1].startsWith("s3://") || args[1].startsWith("file:")
            ? URI.create(args[1])
            : Path.of(args[1]).toAbsolutePath().normalize().toUri();
    StoreSettings settings = StoreSettings.defaults(Clock.systemUTC(), new SecureRandom());
    String id = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (id != null && secret != null) {
      settings = settings.withS3Credentials(new S3Credentials(id, secret));
    }
    boolean init = args[0].equals("init");
    try (PackStores.Opened store =
        init ? PackStores.initialise(location, settings) : PackStores.open(location, settings)) {
      StoreMarker m = store.marker();
      out.println(
          (init ? "pack store at " : "")
              + PackStores.redacted(location)
              + ": id "
              + m.id()
              + ", format version "
              + m.version()
              + ", created "
              + m.created());
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println("strata store: " + e.getMessage());
      return 1;
    }
  }
}
