package dev.strata.node;

import dev.strata.disk.S3Credentials;
import dev.strata.format.grant.Grant;
import dev.strata.format.grant.GrantIssuerKey;
import dev.strata.format.grant.GrantKeyFiles;
import dev.strata.format.grant.GrantOperation;
import dev.strata.format.grant.Grants;
import dev.strata.format.repo.PublicKey;
import dev.strata.node.center.CenterClient;
import dev.strata.node.center.EnrolmentException;
import dev.strata.node.center.EnrolmentFile;
import dev.strata.node.center.Enrolments;
import dev.strata.node.center.HeartbeatReport;
import dev.strata.node.center.Heartbeats;
import dev.strata.node.center.NodeEnrolment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strata node}: runs a storage node ({@code ./strata node --center URL --data-center dc2
 * --data DIR ...}: enrolled with its control center, heartbeats), and, for nodes without a center
 * (tests, the benchmark), makes a grant key pair ({@code keygen}) and grants ({@code grant}). Reads
 * S3 credentials and the enrolment token from the environment here, at the top, and nowhere deeper.
 */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    subcommands = {NodeMain.Keygen.class, NodeMain.IssueGrant.class},
    description = "Run a Strata storage node.")
public final class NodeMain implements Callable<Integer> {
  private static final Pattern NAMED = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]{0,62})=(.+)");

  @Option(
      names = "--config",
      description = "a file of options, one 'key value' or 'key = value' per line")
  Path config;

  @Option(names = "--data-center", description = "the data center this node serves")
  String dataCenter;

  @Option(
      names = {"--name", "--node"},
      description = "this node's name (default: <data center>-node)")
  String node;

  @Option(names = "--data", description = "the node's own directory (required)")
  Path data;

  @Option(
      names = "--address",
      defaultValue = "127.0.0.1",
      description = "listen address (default ${DEFAULT-VALUE})")
  String address;

  @Option(
      names = "--port",
      defaultValue = "8090",
      description = "listen port, 0 for any (default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--center-key",
      description =
          "public key file of the grant issuer, for a node without a control center (tests, bench);"
              + " repeatable; not with --center")
  List<Path> centerKeys = new ArrayList<>();

  @Option(
      names = "--center",
      description =
          "the control center's URL: the node enrols there at its first start (with a one-time"
              + " token) and sends it heartbeats")
  URI center;

  @Option(
      names = "--center-moved",
      description =
          "the center this node enrolled with is now at --center: keep the enrolment, change its"
              + " URL")
  boolean centerMoved;

  @Option(
      names = "--enrolment-token-file",
      description = "a file holding the one-time enrolment token (first start only)")
  Path enrolmentTokenFile;

  @Option(
      names = "--enrolment-token",
      description =
          "the one-time enrolment token (first start only; others on this host may see it: prefer"
              + " --enrolment-token-file or STRATA_ENROLMENT_TOKEN)")
  String enrolmentToken;

  @Option(
      names = "--advertise-url",
      description =
          "the URL the center and agents reach this node at (default: http(s)://ADDRESS:PORT/ it"
              + " listens on)")
  URI advertiseUrl;

  @Option(
      names = "--enrolment-timeout",
      defaultValue = "PT2M",
      description =
          "at the first start, how long to keep trying to reach the center (default"
              + " ${DEFAULT-VALUE})")
  Duration enrolmentTimeout;

  @Option(
      names = "--exit-with",
      hidden = true,
      description = "stop when the process with this id ends (the launcher gives the center's)")
  Long exitWith;

  @Option(
      names = "--max-grant-lifetime",
      defaultValue = "PT24H",
      description = "refuse grants that live longer (ISO-8601, default ${DEFAULT-VALUE})")
  Duration maxGrantLifetime;

  @Option(
      names = "--disk",
      description = "[NAME=]DIR a disk target; the first is where uploads land")
  List<String> disks = new ArrayList<>();

  @Option(
      names = "--s3",
      description =
          "[NAME=]s3://bucket/prefix?endpoint=... an S3 target (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)")
  List<String> s3 = new ArrayList<>();

  @Option(
      names = "--vtl",
      description =
          "[NAME=]DIR|vtl://host:port|mtx:... a tape library (a directory: a virtual one in this process)")
  List<String> vtls = new ArrayList<>();

  @Option(
      names = "--tls-trust",
      description = "PEM certificates to trust when copying to other nodes over HTTPS; repeatable")
  List<Path> tlsTrust = new ArrayList<>();

  @Option(names = "--tls-cert", description = "PEM certificate chain: serve HTTPS")
  Path tlsCert;

  @Option(names = "--tls-key", description = "PEM PKCS#8 private key of --tls-cert")
  Path tlsKey;

  @Option(
      names = "--tape-batch",
      defaultValue = "8G",
      description = "mount a drive once this much is staged for a pool (default ${DEFAULT-VALUE})")
  String tapeBatch;

  @Option(
      names = "--tape-deadline",
      defaultValue = "PT15M",
      description =
          "... or once the oldest staged pack waited this long (default ${DEFAULT-VALUE})")
  Duration tapeDeadline;

  @Option(
      names = "--tape-block-size",
      defaultValue = "1M",
      description = "tape block size (default ${DEFAULT-VALUE})")
  String tapeBlockSize;

  @Option(
      names = "--tape-min-rate",
      defaultValue = "177M",
      description =
          "lowest feed rate per drive in bytes/s (default ${DEFAULT-VALUE}, LTO-9's slowest step)")
  String tapeMinRate;

  @Option(
      names = "--probe-interval",
      defaultValue = "PT5M",
      description =
          "how often to probe the targets, PT0S for only on request (default ${DEFAULT-VALUE})")
  Duration probeInterval;

  /** Jersey warns at start about things that do not apply here; kept referenced, or they reset. */
  private static final java.util.logging.Logger[] QUIET = {
    // "A provider ... does not implement any provider interfaces": resources registered as objects.
    java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers"),
    // "jakarta.activation.DataSource ... was not found": no activation API, none needed.
    java.util.logging.Logger.getLogger("org.glassfish.jersey.message.internal.MessagingBinders"),
    java.util.logging.Logger.getLogger(
        "org.glassfish.jersey.message.internal.MessagingBinders$EnabledProvidersBinder")
  };

  public static void main(String[] args) {
    for (java.util.logging.Logger l : QUIET) {
      l.setLevel(java.util.logging.Level.SEVERE);
    }
    System.exit(run(args));
  }

  static int run(String[] args) {
    CommandLine cl = new CommandLine(new NodeMain());
    cl.setOverwrittenOptionsAllowed(true);
    try {
      args = withConfigFile(args);
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("strata node: " + e.getMessage());
      return 2;
    }
    return cl.execute(args);
  }

  /** Puts the options of a --config file before the command line's own, which win. */
  static String[] withConfigFile(String[] args) throws IOException {
    List<String> out = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        for (String line : Files.readAllLines(Path.of(args[++i]), StandardCharsets.UTF_8)) {
          String s = line.strip();
          if (s.isEmpty() || s.startsWith("#")) {
            continue;
          }
          String[] kv = s.split("\\s*=\\s*|\\s+", 2);
          String key = kv[0].startsWith("--") ? kv[0] : "--" + kv[0];
          out.add(key);
          if (kv.length > 1) {
            out.add(kv[1].strip());
          }
        }
      } else if (args[i].startsWith("--config=")) {
        return withConfigFile(
            java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("--config", args[i].substring(9)),
                    java.util.Arrays.stream(args).filter(a -> !a.startsWith("--config=")))
                .toArray(String[]::new));
      } else {
        rest.add(args[i]);
      }
    }
    if (!rest.isEmpty() && !rest.get(0).startsWith("-")) {
      return rest.toArray(new String[0]); // a subcommand: no config file applies
    }
    out.addAll(rest);
    return out.toArray(new String[0]);
  }

  static long size(String s) {
    Matcher m =
        Pattern.compile("(\\d+)\\s*([KMGT]?)(i?B)?", Pattern.CASE_INSENSITIVE).matcher(s.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size: " + s + " (e.g. 512M, 8G)");
    }
    long v = Long.parseLong(m.group(1));
    return switch (m.group(2).toUpperCase(Locale.ROOT)) {
      case "K" -> v << 10;
      case "M" -> v << 20;
      case "G" -> v << 30;
      case "T" -> v << 40;
      default -> v;
    };
  }

  static List<NodeConfig.Named> named(List<String> specs, String prefix) {
    List<NodeConfig.Named> out = new ArrayList<>();
    for (String spec : specs) {
      Matcher m = NAMED.matcher(spec);
      String name =
          m.matches() && !m.group(1).contains(":") ? m.group(1) : prefix + "-" + (out.size() + 1);
      String location = m.matches() && !m.group(1).contains(":") ? m.group(2) : spec;
      out.add(new NodeConfig.Named(name, location));
    }
    return out;
  }

  NodeConfig config() {
    // Checked here, not by picocli, so that the keygen and grant subcommands need none of them.
    if (dataCenter == null || data == null) {
      throw new IllegalArgumentException(
          "--data-center and --data are required (see ./strata node --help)");
    }
    if (center == null && centerKeys.isEmpty()) {
      throw new IllegalArgumentException(
          "give --center URL (the control center to enrol with) or, for a node without one,"
              + " --center-key FILE");
    }
    if (center != null && !centerKeys.isEmpty()) {
      throw new IllegalArgumentException(
          "--center and --center-key exclude each other: an enrolled node trusts the key its"
              + " center gave it");
    }
    if (center != null) {
      NodeEnrolment.normalise(center);
    } else if (enrolmentToken != null || enrolmentTokenFile != null || advertiseUrl != null) {
      throw new IllegalArgumentException(
          "--enrolment-token, --enrolment-token-file and --advertise-url need --center");
    }
    if (enrolmentToken != null && enrolmentTokenFile != null) {
      throw new IllegalArgumentException(
          "--enrolment-token and --enrolment-token-file exclude each other");
    }
    if (advertiseUrl != null) {
      String scheme = advertiseUrl.getScheme();
      if (!("http".equals(scheme) || "https".equals(scheme)) || advertiseUrl.getHost() == null) {
        throw new IllegalArgumentException(
            "--advertise-url must be http(s)://host:port/, not " + advertiseUrl);
      }
    }
    if (enrolmentTimeout.isNegative()) {
      throw new IllegalArgumentException("--enrolment-timeout must not be negative");
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0-65535");
    }
    long block = size(tapeBlockSize);
    if (block < 512 || block > 8 << 20) {
      throw new IllegalArgumentException("--tape-block-size must be 512 B to 8 MiB");
    }
    return new NodeConfig(
        dataCenter,
        node == null ? dataCenter + "-node" : node,
        data.toAbsolutePath(),
        address,
        port,
        tlsCert == null ? Optional.empty() : Optional.of(new NodeConfig.Tls(tlsCert, tlsKey)),
        tlsTrust,
        centerKeys,
        maxGrantLifetime,
        named(disks, "disk"),
        named(s3, "s3"),
        named(vtls, "vtl"),
        new NodeConfig.TapeSettings(size(tapeBatch), tapeDeadline, (int) block, size(tapeMinRate)),
        probeInterval);
  }

  /** The one-time token, from the option, the file or the environment (in that order). */
  Optional<String> token(String fromEnvironment) throws IOException {
    if (enrolmentToken != null) {
      return Optional.of(enrolmentToken.strip());
    }
    if (enrolmentTokenFile != null) {
      String t;
      try {
        t = Files.readString(enrolmentTokenFile, StandardCharsets.UTF_8).strip();
      } catch (java.nio.file.NoSuchFileException e) {
        throw new IOException("the enrolment token file " + enrolmentTokenFile + " does not exist");
      }
      if (t.isEmpty()) {
        throw new IOException("the enrolment token file " + enrolmentTokenFile + " is empty");
      }
      return Optional.of(t);
    }
    return Optional.ofNullable(fromEnvironment).map(String::strip).filter(t -> !t.isEmpty());
  }

  @Override
  public Integer call() throws Exception {
    NodeConfig c;
    Optional<String> token;
    Optional<NodeEnrolment> stored = Optional.empty();
    try {
      c = config();
      token = center == null ? Optional.empty() : token(System.getenv("STRATA_ENROLMENT_TOKEN"));
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("strata node: " + e.getMessage());
      return 2;
    }
    if (center != null) {
      try {
        stored = Enrolments.stored(c.data(), center, c.dataCenter(), c.node(), centerMoved);
      } catch (EnrolmentException e) {
        System.err.println("strata node: " + e.getMessage());
        return 1;
      }
      if (stored.isEmpty() && token.isEmpty()) {
        System.err.println(
            "strata node: "
                + c.node()
                + " has not enrolled with "
                + center
                + " yet (no enrolment in "
                + c.data()
                + "): give its one-time token with --enrolment-token-file FILE,"
                + " STRATA_ENROLMENT_TOKEN or --enrolment-token (an administrator issues one:"
                + " POST /api/v1/data-centers/"
                + c.dataCenter()
                + "/enrolment-tokens)");
        return 2;
      }
      if (stored.isPresent() && token.isPresent()) {
        System.err.println(
            "strata node: enrolled already (" + EnrolmentFile.in(c.data()) + "); token not used");
      }
    }
    Optional<S3Credentials> s3 = Optional.empty();
    String id = System.getenv("AWS_ACCESS_KEY_ID");
    String secret = System.getenv("AWS_SECRET_ACCESS_KEY");
    if (id != null && secret != null) {
      s3 = Optional.of(new S3Credentials(id, secret));
    }
    StorageNode n;
    try {
      n = StorageNode.start(c, s3, Clock.systemUTC());
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("strata node: cannot start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stop = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicReference<Heartbeats> beating =
        new java.util.concurrent.atomic.AtomicReference<>();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  Heartbeats h = beating.get();
                  if (h != null) {
                    h.close();
                  }
                  n.close();
                  stop.countDown();
                }));
    if (exitWith != null) {
      Optional<ProcessHandle> parent = ProcessHandle.of(exitWith);
      if (parent.isEmpty() || !parent.get().isAlive()) {
        System.err.println("strata node: process " + exitWith + " (--exit-with) is not running");
        return 1;
      }
      parent
          .get()
          .onExit()
          .thenRun(
              () -> {
                System.err.println("strata node: process " + exitWith + " ended; stopping");
                System.exit(0);
              });
    }
    URI advertised = advertiseUrl == null ? n.uri() : advertiseUrl;
    String membership = "";
    if (center != null) {
      HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
      if (!c.tlsTrust().isEmpty()) {
        http.sslContext(dev.strata.node.api.Tls.trusting(c.tlsTrust()));
      }
      CenterClient client = new CenterClient(http.build(), Clock.systemUTC());
      NodeEnrolment e;
      try {
        e =
            stored.isPresent()
                ? stored.get()
                : new Enrolments(
                        client, Clock.systemUTC(), m -> System.err.println("strata node: " + m))
                    .enrol(
                        c.data(),
                        center,
                        c.dataCenter(),
                        c.node(),
                        token.get(),
                        advertised.toString(),
                        enrolmentTimeout);
        n.trust(GrantKeyFiles.parsePublic(e.grantKey(), "the control center's grant key"));
      } catch (EnrolmentException | IOException ex) {
        System.err.println("strata node: " + ex.getMessage());
        n.close();
        return 1;
      }
      Heartbeats h =
          Heartbeats.start(
              client, e, () -> HeartbeatReport.of(advertised, n.targets(), n.prober()));
      beating.set(h);
      n.afterProbes(h::nudge);
      membership =
          (stored.isPresent() ? ", enrolled with " : ", enrolled now with ")
              + e.center()
              + " (heartbeat every "
              + e.heartbeatInterval().toSeconds()
              + " s)";
    }
    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println(
        "strata node "
            + c.node()
            + " (data center "
            + c.dataCenter()
            + ") listening on "
            + n.uri()
            + " (started in "
            + ms
            + " ms)"
            + membership);
    System.out.flush();
    stop.await();
    return 0;
  }

  /** {@code strata node keygen --out DIR}: a grant key pair, until the center makes its own. */
  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      description =
          "Make a grant issuer key pair: DIR/center.key (private, 0600) and DIR/center.pub.")
  static final class Keygen implements Callable<Integer> {
    @Option(names = "--out", required = true)
    Path out;

    @Override
    public Integer call() throws IOException {
      Files.createDirectories(out);
      GrantIssuerKey k = GrantIssuerKey.generate(new SecureRandom());
      Path priv = out.resolve("center.key");
      if (Files.exists(priv)) {
        System.err.println("strata node keygen: " + priv + " exists; not overwriting it");
        return 1;
      }
      Files.createFile(
          priv, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(priv, GrantKeyFiles.privateKeyText(k));
      Files.writeString(out.resolve("center.pub"), GrantKeyFiles.publicKeyText(k.publicKey()));
      System.out.println(out.resolve("center.pub") + " (key id " + k.keyId() + ")");
      return 0;
    }
  }

  /**
   * {@code strata node grant ...}: issues a grant with a private key file (for operators, tests).
   */
  @Command(
      name = "grant",
      mixinStandardHelpOptions = true,
      description = "Issue a grant (prints the token).")
  static final class IssueGrant implements Callable<Integer> {
    @Option(names = "--key", required = true, description = "the issuer's private key file")
    Path key;

    @Option(names = "--tenant", defaultValue = "")
    String tenant;

    @Option(names = "--data-center", required = true)
    String dataCenter;

    @Option(names = "--node", defaultValue = "")
    String node;

    @Option(names = "--session", defaultValue = "")
    String session;

    @Option(
        names = "--ops",
        required = true,
        split = ",",
        description = "e.g. PACK_WRITE,PACK_READ")
    List<GrantOperation> ops;

    @Option(
        names = "--signer",
        description = "hex Ed25519 public key whose packs may be written; repeatable")
    List<String> signers = new ArrayList<>();

    @Option(names = "--ttl", defaultValue = "PT1H")
    Duration ttl;

    @Override
    public Integer call() throws IOException {
      GrantIssuerKey k = GrantKeyFiles.readPrivate(key);
      Instant now = Instant.now();
      List<PublicKey> keys =
          signers.stream().map(h -> PublicKey.of(HexFormat.of().parseHex(h))).toList();
      Grant g =
          new Grant(
              k.keyId(),
              now,
              now.plus(ttl),
              tenant,
              session,
              dataCenter,
              node,
              EnumSet.copyOf(ops),
              keys);
      System.out.println(Grants.issue(g, k));
      return 0;
    }
  }
}
