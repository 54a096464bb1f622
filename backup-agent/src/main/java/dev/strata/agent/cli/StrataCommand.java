package dev.strata.agent.cli;

import dev.strata.agent.center.CenterClient;
import dev.strata.agent.center.CenterPackStore;
import dev.strata.agent.repo.Locking;
import dev.strata.agent.repo.Repository;
import dev.strata.agent.repo.RepositoryException;
import dev.strata.disk.PackStores;
import dev.strata.disk.S3Credentials;
import dev.strata.disk.StoreException;
import dev.strata.disk.StoreSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code strata} command line: backup, restore and check against a repository, restic-style.
 * Exit codes: 0 success, 1 failure, 2 bad usage, 3 done but incomplete (files skipped or not
 * restored, listed in the output).
 */
@Command(
    name = "strata",
    mixinStandardHelpOptions = true,
    version = "strata 0.1.0",
    description = "Back up, restore and check Strata repositories.",
    subcommands = {
      InitCommand.class,
      BackupCommand.class,
      SnapshotsCommand.class,
      LsCommand.class,
      RestoreCommand.class,
      CheckCommand.class,
      KeyCommand.class,
      AgentCommand.class
    })
public final class StrataCommand {
  static final int INCOMPLETE = 3;

  @Option(
      names = "--repo",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Repository: a directory, file:/dir or s3://bucket/prefix?endpoint=URL.")
  String repo;

  @Option(
      names = "--server",
      scope = CommandLine.ScopeType.INHERIT,
      paramLabel = "URL",
      description =
          "The control center that keeps the repository (instead of --repo; else STRATA_SERVER):"
              + " packs go to the storage nodes it names.")
  URI server;

  @Option(
      names = "--key-file",
      scope = CommandLine.ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "The agent's API key for --server (else STRATA_API_KEY).")
  Path keyFile;

  @Option(
      names = "--password-file",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Read the passphrase from this file (else from STRATA_PASSWORD).")
  Path passwordFile;

  @Option(
      names = "--json",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print machine-readable JSON instead of text.")
  boolean json;

  @Option(
      names = "--threads",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Worker threads (default: the number of processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--lock-wait",
      scope = CommandLine.ScopeType.INHERIT,
      paramLabel = "SECONDS",
      description =
          "How long to wait for the repository lock that another process holds (default: 600).")
  long lockWaitSeconds = 600;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  CommandLine.Model.CommandSpec spec() {
    return spec;
  }

  /** What the process was started with; read once, here, and handed down. */
  final Map<String, String> environment;

  final Clock clock = Clock.systemUTC();
  final SecureRandom random = new SecureRandom();

  StrataCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    System.exit(
        run(
            System.getenv(),
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8),
            args));
  }

  static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new StrataCommand(env));
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          line.getErr().println("strata: " + describe(e));
          if (!(e instanceof RepositoryException) && env.containsKey("STRATA_DEBUG")) {
            e.printStackTrace(line.getErr());
          }
          return 1;
        });
    return cl.execute(args);
  }

  private static String describe(Exception e) {
    if (e instanceof RepositoryException) {
      return e.getMessage();
    }
    if (e instanceof NoSuchFileException n) {
      return "no such file: " + n.getFile();
    }
    String m = e.getMessage();
    return m == null ? e.toString() : m;
  }

  /** The control center given by --server or STRATA_SERVER, if any. */
  Optional<URI> server() throws RepositoryException {
    if (server != null && repo != null) {
      throw new RepositoryException("give --repo or --server, not both");
    }
    if (server != null) {
      return Optional.of(server);
    }
    String env = environment.get("STRATA_SERVER");
    if (repo == null && env != null && !env.isBlank()) {
      try {
        return Optional.of(new URI(env.strip()));
      } catch (java.net.URISyntaxException e) {
        throw new RepositoryException("STRATA_SERVER is not a URL: " + env);
      }
    }
    return Optional.empty();
  }

  /** The agent's API key: --key-file, else STRATA_API_KEY. */
  String apiKey() throws IOException, RepositoryException {
    String k;
    if (keyFile != null) {
      try {
        k = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
      } catch (NoSuchFileException e) {
        throw new RepositoryException("no key file " + keyFile);
      }
    } else {
      k = environment.getOrDefault("STRATA_API_KEY", "").strip();
    }
    if (k.isEmpty()) {
      throw new RepositoryException(
          "--server needs the agent's API key: set STRATA_API_KEY or give --key-file");
    }
    return k;
  }

  private CenterPackStore centerStore(URI center) throws IOException, RepositoryException {
    CenterClient client = new CenterClient(center, apiKey(), CenterClient.defaultHttp());
    jakarta.json.JsonObject me = client.getObject("me");
    if (!CenterClient.has(me, "tenant")) {
      throw new RepositoryException(
          "the key belongs to "
              + me.getString("name", "?")
              + ", who is in no tenant: an agent needs an agent key of its tenant");
    }
    return new CenterPackStore(client, me.getString("tenant"));
  }

  /** The repository's location as a store URI. */
  URI location() throws RepositoryException {
    if (repo == null) {
      throw new RepositoryException("give the repository: --repo LOCATION or --server URL");
    }
    if (repo.startsWith("s3://") || repo.startsWith("file:")) {
      return URI.create(repo);
    }
    return Path.of(repo).toAbsolutePath().normalize().toUri();
  }

  /** Opens the store of an existing repository; changes nothing where there is none. */
  StoreHandle openStore() throws IOException, RepositoryException {
    Optional<URI> center = server();
    if (center.isPresent()) {
      CenterPackStore s = centerStore(center.get());
      if (s.stat(dev.strata.disk.PackName.of("config")).isEmpty()) {
        throw new RepositoryException(
            "tenant "
                + s.tenant()
                + " has no repository at "
                + center.get()
                + " yet: run 'strata init --server "
                + center.get()
                + "' once");
      }
      return StoreHandle.of(s);
    }
    URI at = location();
    if ("file".equals(at.getScheme()) && !Files.isDirectory(Path.of(at))) {
      throw new RepositoryException("there is no repository at " + Path.of(at));
    }
    try {
      return StoreHandle.of(PackStores.open(at, storeSettings()));
    } catch (StoreException.NotAStore e) {
      throw new RepositoryException("there is no repository here: " + e.getMessage());
    }
  }

  /** Makes the repository's location a store (for {@code init}): an empty or new one only. */
  StoreHandle initialiseStore() throws IOException, RepositoryException {
    Optional<URI> center = server();
    if (center.isPresent()) {
      return StoreHandle.of(centerStore(center.get()));
    }
    return StoreHandle.of(PackStores.initialise(location(), storeSettings()));
  }

  /** Where the repository is, in words. */
  String describeLocation() throws RepositoryException {
    Optional<URI> center = server();
    return center.isPresent() ? "control center " + center.get() : location().toString();
  }

  private StoreSettings storeSettings() {
    StoreSettings settings = StoreSettings.defaults(clock, random);
    String id = environment.get("AWS_ACCESS_KEY_ID");
    String secret = environment.get("AWS_SECRET_ACCESS_KEY");
    if (id != null && secret != null) {
      settings = settings.withS3Credentials(new S3Credentials(id, secret));
    }
    return settings;
  }

  /** Opens the repository in {@code store} with the passphrase. */
  Repository openRepository(StoreHandle store) throws IOException, RepositoryException {
    return Repository.open(store.store(), requirePassphrase(), random).withLocking(locking());
  }

  /** Who this process is to the repository lock, and how long it waits for it. */
  Locking locking() {
    return Locking.defaults(host(), clock).withPatience(Duration.ofSeconds(lockWaitSeconds));
  }

  /** The passphrase from --password-file or STRATA_PASSWORD. */
  Optional<char[]> passphrase() throws IOException, RepositoryException {
    if (passwordFile != null) {
      String s;
      try {
        s = Files.readString(passwordFile, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new RepositoryException("no password file " + passwordFile);
      }
      return Optional.of(s.replaceFirst("\\R$", "").toCharArray());
    }
    return Optional.ofNullable(environment.get("STRATA_PASSWORD")).map(String::toCharArray);
  }

  char[] requirePassphrase() throws IOException, RepositoryException {
    return passphrase()
        .orElseThrow(
            () ->
                new RepositoryException(
                    "a passphrase is needed: set STRATA_PASSWORD or give --password-file"));
  }

  /** Where packs are spooled before they are stored: {@code TMPDIR}, else the JVM's default. */
  Path temporaryDirectory() {
    String t = environment.get("TMPDIR");
    return Path.of(t == null || t.isBlank() ? System.getProperty("java.io.tmpdir") : t);
  }

  String who() {
    String user = environment.getOrDefault("USER", System.getProperty("user.name", "unknown"));
    return user + "@" + host();
  }

  String host() {
    String h = environment.get("HOSTNAME");
    if (h == null || h.isBlank()) {
      try {
        h = java.net.InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        h = "localhost";
      }
    }
    return h;
  }

  String user() {
    return environment.getOrDefault("USER", System.getProperty("user.name", "unknown"));
  }
}
