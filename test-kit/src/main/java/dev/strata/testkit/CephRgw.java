package dev.strata.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway single-node Ceph RADOS Gateway (Debian's Ceph packages: one monitor, one in-memory
 * OSD, the gateway) on loopback ports chosen at random, for tests that need an S3 server as users
 * run it — one that enforces object lock and refuses what S3Proxy lets through. Started and stopped
 * by the script beside this class; {@link #close} stops it, and a shutdown hook does if a test
 * forgets or the JVM is interrupted.
 *
 * <p>Where Ceph is not installed the calling test is skipped with a message saying how to install
 * it — unless the system property {@value #REQUIRE} is {@code true} (the build's {@code ci} profile
 * sets it), in which case it fails.
 */
public final class CephRgw implements AutoCloseable {
  /** System property that turns a missing Ceph into a failure instead of a skip. */
  public static final String REQUIRE = "strata.require.ceph";

  private static final List<String> COMMANDS =
      List.of(
          "ceph-mon",
          "ceph-osd",
          "radosgw",
          "radosgw-admin",
          "ceph",
          "monmaptool",
          "uuidgen",
          "curl");
  private static final String INSTALL =
      "apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw ceph-common";
  private static final long START_TIMEOUT_SECONDS = 180;
  private static final long STOP_TIMEOUT_SECONDS = 90;

  private final Path script;
  private final Path dir;
  private final URI endpoint;
  private final String accessKey;
  private final String secretKey;
  private final String region;
  private final Thread hook;

  private CephRgw(Path script, Path dir, Map<String, String> env) {
    this.script = script;
    this.dir = dir;
    this.endpoint = URI.create(env.get("S3_ENDPOINT"));
    this.accessKey = env.get("S3_ACCESS_KEY");
    this.secretKey = env.get("S3_SECRET_KEY");
    this.region = env.get("S3_REGION");
    this.hook = new Thread(this::stopQuietly, "stop Ceph RGW in " + dir);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts a gateway in a new directory under {@code parent} (a build directory, not a JUnit
   * temporary directory: the daemons' files must outlive nothing but this object), first stopping
   * any cluster a killed test run left there.
   */
  public static CephRgw start(Path parent) throws IOException, InterruptedException {
    List<String> missing = missingCommands();
    if (!missing.isEmpty()) {
      String why =
          "Ceph RGW is not installed (missing "
              + String.join(", ", missing)
              + "); install it with: "
              + INSTALL;
      if (Boolean.getBoolean(REQUIRE)) {
        throw new AssertionError(why + " (" + REQUIRE + "=true: CI must run these tests)");
      }
      // said on stderr as well: a skip in @BeforeAll is reported as a bare "Tests run: 0"
      System.err.println("SKIPPED: " + why + " — skipping the Ceph RGW tests");
      Assumptions.abort(why + " — skipping the Ceph RGW tests");
    }
    Files.createDirectories(parent);
    Path script = parent.resolve("ceph-rgw-single-node.sh");
    try (InputStream in = CephRgw.class.getResourceAsStream("ceph-rgw-single-node.sh")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    stopLeftovers(script, parent);
    int[] ports = freePorts(3);
    Path dir = parent.resolve("ceph-" + ProcessHandle.current().pid() + "-" + ports[2]);
    Map<String, String> env = new HashMap<>();
    env.put("MON_PORT_V1", Integer.toString(ports[0]));
    env.put("MON_PORT_V2", Integer.toString(ports[1]));
    Path log = parent.resolve(dir.getFileName() + ".start.log");
    int exit =
        run(
            script,
            env,
            log,
            START_TIMEOUT_SECONDS,
            "start",
            dir.toString(),
            Integer.toString(ports[2]));
    Path settings = dir.resolve("s3.env");
    if (exit != 0 || !Files.isRegularFile(settings)) {
      run(
          script,
          Map.of(),
          parent.resolve(dir.getFileName() + ".stop.log"),
          STOP_TIMEOUT_SECONDS,
          "stop",
          dir.toString());
      throw new IOException(
          "Ceph RGW did not start (exit " + exit + "); its output:\n" + Files.readString(log));
    }
    Map<String, String> values = new HashMap<>();
    for (String line : Files.readAllLines(settings, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return new CephRgw(script, dir, values);
  }

  public URI endpoint() {
    return endpoint;
  }

  public String accessKey() {
    return accessKey;
  }

  public String secretKey() {
    return secretKey;
  }

  public String region() {
    return region;
  }

  /** Stops the daemons and removes the cluster's files. */
  @Override
  public void close() throws IOException, InterruptedException {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or will run: it stops the cluster
    }
    stop();
  }

  private void stop() throws IOException, InterruptedException {
    Path log = dir.resolveSibling(dir.getFileName() + ".stop.log");
    int exit = run(script, Map.of(), log, STOP_TIMEOUT_SECONDS, "stop", dir.toString());
    if (exit != 0) {
      throw new IOException("stopping Ceph RGW failed; its output:\n" + Files.readString(log));
    }
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (IOException | InterruptedException e) {
      // the JVM is exiting; the next start stops what is left
    }
  }

  private static List<String> missingCommands() {
    List<String> missing = new ArrayList<>();
    String path = pathVariable();
    for (String c : COMMANDS) {
      boolean found = false;
      for (String d : path.split(java.io.File.pathSeparator)) {
        if (!d.isEmpty() && Files.isExecutable(Path.of(d, c))) {
          found = true;
          break;
        }
      }
      if (!found) {
        missing.add(c);
      }
    }
    return missing;
  }

  private static String pathVariable() {
    String p = System.getenv("PATH");
    return p == null ? "/usr/bin:/bin:/usr/sbin:/sbin" : p + ":/usr/sbin:/sbin";
  }

  /** Stops clusters that a killed test JVM left under {@code parent}. */
  private static void stopLeftovers(Path script, Path parent)
      throws IOException, InterruptedException {
    List<Path> left;
    try (Stream<Path> all = Files.list(parent)) {
      left =
          all.filter(p -> p.getFileName().toString().startsWith("ceph-"))
              .filter(p -> Files.isDirectory(p.resolve("pids")))
              .toList();
    }
    for (Path d : left) {
      run(
          script,
          Map.of(),
          parent.resolve(d.getFileName() + ".stop.log"),
          STOP_TIMEOUT_SECONDS,
          "stop",
          d.toString());
    }
  }

  private static int[] freePorts(int n) throws IOException {
    List<ServerSocket> held = new ArrayList<>();
    try {
      int[] ports = new int[n];
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(s);
        ports[i] = s.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket s : held) {
        s.close();
      }
    }
  }

  private static int run(
      Path script, Map<String, String> env, Path log, long timeoutSeconds, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    pb.environment().put("PATH", pathVariable());
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(
          "ceph-rgw-single-node.sh " + args[0] + " took longer than " + timeoutSeconds + " s");
    }
    return p.exitValue();
  }
}
